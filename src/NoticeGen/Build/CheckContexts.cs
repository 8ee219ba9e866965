using NoticeGen.Check;
using NoticeGen.Compose;
using NoticeGen.History;
using NoticeGen.Render;

namespace NoticeGen.Build;

/// <summary>
/// What the checks read of a build: for the content checks, the working text and its plan, and each page's stamp in
/// force; for the output checks, where the text writes each link.
/// </summary>
public static class CheckContexts
{
    public static ContentCheckContext For(SiteBuild build) => For(build.Sources, build.Draft, StampsInForce(build));

    /// <summary>The content checks' view of a build that rendered only the working text, with the stamps a build of the same sources found.</summary>
    public static ContentCheckContext For(SiteSources sources, RenderedVersion draft, IReadOnlyDictionary<PageKey, Stamp> stamps) =>
        new(sources.Request.SiteDir, sources.Working, draft.Plan, sources.Request.Today, key =>
            stamps.TryGetValue(key, out var stamp) ? (stamp.LastUpdated, stamp.LastReviewed) : null)
        {
            Parallel = sources.Request.Parallel,
        };

    /// <summary>Each page's stamp in the release in force (none while no release is): all the content checks read of the history.</summary>
    public static IReadOnlyDictionary<PageKey, Stamp> StampsInForce(SiteBuild build)
    {
        var stamps = new Dictionary<PageKey, Stamp>();
        if (build.Timeline.Current is { } inForce)
        {
            foreach (var (key, history) in build.Histories)
            {
                if (history.At(inForce) is { } version)
                {
                    stamps[key] = version.Stamp;
                }
            }
        }

        return stamps;
    }

    /// <summary>The links of the working text first, then of each release from the latest: a link is found where an editor last wrote it.</summary>
    public static LinkSources Links(SiteBuild build) =>
        new(build.Working.Fragments.Concat(build.Timeline.Releases.Reverse().SelectMany(r => build.Versions[r].Content.Fragments)));
}
