using NoticeGen.History;
using NoticeGen.Load;
using NoticeGen.Output;
using NoticeGen.Releases;

namespace NoticeGen.Build;

/// <summary>
/// What a build has read before it renders anything: the working content, the templates, every release (verified, with
/// one about to be made), the notices' URL slugs and the timeline on the build date. Enough to know what the output is
/// made from, and so whether the output of the build before can stand.
/// </summary>
public sealed record SiteSources(
    BuildRequest Request,
    ContentSet Working,
    SiteTemplates Templates,
    BuildCache? Cache,
    IReadOnlyList<Release> Releases,
    PendingRelease? Pending,
    IReadOnlyDictionary<string, string> Slugs,
    Timeline Timeline)
{
    /// <summary>Whether the current pages show the draft (no release in force yet).</summary>
    public bool CurrentIsDraft => Timeline.Current is null;

    /// <summary>Whether the draft is published beside the release in force, under draft/ (build --drafts).</summary>
    public bool ShowsDraftBeside => Timeline.Current is not null && Request.Drafts;
}
