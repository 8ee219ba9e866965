using NoticeGen.Check;

namespace NoticeGen.Build;

/// <summary>What the content checks read of a build: the working text and its plan, and each page's stamp in force.</summary>
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
}
