namespace NoticeGen.Import;

/// <summary>
/// An import as the command line asked for it: the source files (or <see cref="Git"/>, a file whose Git history gives the
/// versions), the folder to write the site into, and the options.
/// </summary>
public sealed record ImportRequest(
    IReadOnlyList<string> Sources,
    string Into,
    string? NoticeId = null,
    bool History = false,
    string? Git = null,
    DateOnly? Release = null,
    bool Force = false,
    bool Deduplicate = true);
