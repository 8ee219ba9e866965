namespace NoticeGen.Import;

/// <summary>A notice as site.yml will list it: id, title, intro fragment, numbering, and its sections' fragment ids in order.</summary>
public sealed record DraftNotice(string Id, string Title, string? Intro, bool Numbered, IReadOnlyList<string> Sections);
