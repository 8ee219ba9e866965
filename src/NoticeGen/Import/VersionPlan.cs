using NoticeGen.Check.Content;

namespace NoticeGen.Import;

/// <summary>
/// One version of the source pages, planned as a site: the files to write, the notices (for the word comparison), and
/// what the migration report says about it; <see cref="Next"/> is what the next version is matched against.
/// </summary>
public sealed record VersionPlan(
    DraftSite Site,
    IReadOnlyList<PlannedNotice> Notices,
    IReadOnlyList<DuplicateSection> Duplicates,
    IReadOnlyList<RepeatedNotice> Repeats,
    IReadOnlyList<NearDuplicate> NearSections,
    IReadOnlyList<NearDuplicate> NearParagraphs,
    IReadOnlyList<GuessedSection> Guesses,
    IReadOnlyList<ImportNote> Notes,
    IReadOnlyList<KeptId> Renamed,
    ImportState Next);
