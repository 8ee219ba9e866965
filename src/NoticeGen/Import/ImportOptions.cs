namespace NoticeGen.Import;

/// <summary>
/// How to import: whether to write a repeated section once (<see cref="Deduplicate"/>), the id to give the single notice
/// imported (<see cref="NoticeId"/>), and the similarity from which sections and paragraphs count as near-duplicates.
/// </summary>
public sealed record ImportOptions(bool Deduplicate = true, string? NoticeId = null, double NearThreshold = Check.Content.NearDuplicateFinder.DefaultThreshold);
