using NoticeGen.Compose;
using NoticeGen.Load;

namespace NoticeGen.Check;

/// <summary>
/// What a content check reads: the site folder, the working content and its plan, the build date, and each page's
/// dates (null for a page that no release has published yet).
/// </summary>
public sealed record ContentCheckContext(
    string SiteDir,
    ContentSet Working,
    SitePlan Plan,
    DateOnly Today,
    Func<PageKey, (DateOnly LastUpdated, DateOnly? LastReviewed)?> PageDates)
{
    /// <summary>How many threads the checks may use (--threads).</summary>
    public ParallelOptions Parallel { get; init; } = new();
}
