using NoticeGen.Check;

namespace NoticeGen.Build;

/// <summary>
/// What the checks read of a build: for the content checks, the working text and its plan, and each page's stamp in
/// force; for the output checks, where the text writes each link.
/// </summary>
public static class CheckContexts
{
    public static ContentCheckContext For(SiteBuild build) =>
        new(build.Request.SiteDir, build.Working, build.Draft.Plan, build.Request.Today, key =>
            build.Timeline.Current is { } inForce && build.Histories.GetValueOrDefault(key)?.At(inForce) is { } version
                ? (version.Stamp.LastUpdated, version.Stamp.LastReviewed)
                : null)
        {
            Parallel = build.Request.Parallel,
        };

    /// <summary>The links of the working text first, then of each release from the latest: a link is found where an editor last wrote it.</summary>
    public static LinkSources Links(SiteBuild build) =>
        new(build.Working.Fragments.Concat(build.Timeline.Releases.Reverse().SelectMany(r => build.Versions[r].Content.Fragments)));
}
