namespace NoticeGen.Check.Coverage;

/// <summary>A section whose text a release changed on a page, with the topics it covered before and after (empty on the side where it did not exist).</summary>
public sealed record ChangedSection(string SectionId, IReadOnlyList<string> OldTopics, IReadOnlyList<string> NewTopics);
