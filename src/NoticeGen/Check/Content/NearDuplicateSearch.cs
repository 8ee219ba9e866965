namespace NoticeGen.Check.Content;

/// <summary>The pairs found, and how many candidate pairs were compared word by word to find them (the rest were filtered out).</summary>
public sealed record NearDuplicateSearch(IReadOnlyList<NearDuplicate> Pairs, int Compared, int Paragraphs);
