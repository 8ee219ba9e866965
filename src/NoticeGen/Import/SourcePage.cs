namespace NoticeGen.Import;

/// <summary>
/// A source page read into the neutral model: notices, their sections and blocks (as Markdown), the site title and
/// text before the first notice, where each in-page anchor points, and what the reader noticed on the way.
/// </summary>
public sealed record SourcePage(
    string File,
    SourceFormat Format,
    string? SiteTitle,
    IReadOnlyList<SourceBlock> SiteIntro,
    IReadOnlyList<SourceNotice> Notices,
    IReadOnlyDictionary<string, AnchorTarget> Anchors,
    IReadOnlyList<ImportNote> Notes);
