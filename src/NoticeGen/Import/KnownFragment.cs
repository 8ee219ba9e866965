using NoticeGen.Check.Content;

namespace NoticeGen.Import;

/// <summary>A section fragment an earlier imported version wrote: what a later version's sections are matched against.</summary>
public sealed record KnownFragment(string Id, string Folder, string? Title, IReadOnlyList<ComparableWord> Words, IReadOnlyList<string> Notices);
