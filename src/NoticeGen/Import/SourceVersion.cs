namespace NoticeGen.Import;

/// <summary>The sources imported as one version (one release when dated), and the versions of that date it replaced.</summary>
public sealed record SourceVersion(DateOnly? Date, IReadOnlyList<SourceFile> Files, IReadOnlyList<SourceFile> Superseded)
{
    public string Label => string.Join(", ", Files.Select(f => f.Display));
}
