using NoticeGen.Check.Content;

namespace NoticeGen.Import;

/// <summary>
/// The word-for-word comparison of one imported notice: the words of the source and of the page NoticeGen composed from
/// the imported fragments, and every difference (empty when nothing was lost or added).
/// </summary>
public sealed record NoticeComparison(string NoticeId, string Title, string Page, int SourceWords, int PageWords, IReadOnlyList<WordChange> Differences);
