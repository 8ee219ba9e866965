using NoticeGen.Redline;

namespace NoticeGen.Build;

/// <summary>
/// One page's redline between two versions, ready for every output that shows it: the redline page, changelog passages,
/// feed entries and `diff`. Its HTML holds links in the canonical form (see Output/LinkResolver).
/// </summary>
public sealed record PageRedline(
    RedlineSummary Summary,
    string SummaryText,
    string Html,
    IReadOnlyList<RedlinePassage> Passages,
    IReadOnlyList<string> SectionIds,
    IReadOnlyList<string> ChangedSectionIds);
