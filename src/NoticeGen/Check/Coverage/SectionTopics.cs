namespace NoticeGen.Check.Coverage;

/// <summary>The topics one section (or a notice's intro) covers, its own and those of the fragments it includes.</summary>
public sealed record SectionTopics(string SectionId, IReadOnlyList<string> Topics);
