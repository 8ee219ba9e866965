using NoticeGen.Build;

namespace NoticeGen.Output;

/// <summary>What an emitter gets: the build, the page renderer over it, the folder to write into, and how parallel to be.</summary>
public sealed record EmitContext(SiteBuild Build, SitePages Pages, StagingFolder Files, ParallelOptions Parallel)
{
    /// <summary>The pages as data: JSON twins and notices.json.</summary>
    public PageRecords Records { get; } = new(Build);

    public SiteLayout Layout => Build.Layout;
}
