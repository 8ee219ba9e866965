namespace NoticeGen.Init;

/// <summary>
/// What 'noticegen init' did, by path in the site: every file it wrote, those of them that replaced or extended a file
/// already there (with --force), and the files it left alone because the folder had its own (a README.md).
/// </summary>
public sealed record StarterWriteResult(IReadOnlyList<string> Written, IReadOnlyList<string> Changed, IReadOnlyList<string> Kept);
