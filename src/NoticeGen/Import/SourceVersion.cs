namespace NoticeGen.Import;

/// <summary>The sources imported as one version (one release when dated), and the versions of that date it replaced.</summary>
public sealed record SourceVersion(DateOnly? Date, IReadOnlyList<SourceFile> Files, IReadOnlyList<SourceFile> Superseded)
{
    /// <summary>What the history held before this version that is not imported, or imported differently, and why (Git commits that delete the file, ...).</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    public string Label => string.Join(", ", Files.Select(f => f.Display));
}
