using NoticeGen.Check;
using NoticeGen.Compose;
using NoticeGen.History;
using NoticeGen.Load;
using NoticeGen.Output;
using NoticeGen.Releases;
using NoticeGen.Render;

namespace NoticeGen.Build;

/// <summary>
/// Everything a build knows once the text is rendered: the working content and every release, each rendered once, the
/// timeline on the build date, each page's history and stamps, and the redlines. Outputs read it; nothing changes it.
/// </summary>
public sealed class SiteBuild
{
    internal SiteBuild(SiteSources sources, RenderedVersion draft, IReadOnlyDictionary<Release, RenderedVersion> versions, IReadOnlyDictionary<PageKey, PageHistory> histories, RedlineService redlines)
    {
        Sources = sources;
        Draft = draft;
        Versions = versions;
        Histories = histories;
        Redlines = redlines;
        Layout = new SiteLayout(sources.Slugs);
        _materialChanges = new Lazy<MaterialChangeAssessor>(() => new MaterialChangeAssessor(sources.Request.SiteDir, sources.Working));
        Current = Timeline.Current is { } inForce ? versions[inForce] : draft;
        CurrentPages = Current.Pages.Select(p => p.Plan.Key).ToHashSet();
        var baseline = Timeline.Latest is { } latest ? versions[latest] : null;
        DraftChanged = ShowsDraftBeside && baseline is not null
            ? draft.Pages.Where(p => PageComparer.Differs(baseline.Find(p.Plan.Key), p)).Select(p => p.Plan.Key).ToHashSet()
            : [];
    }

    /// <summary>What the build read: the request, the working content, the verified releases and the timeline.</summary>
    public SiteSources Sources { get; }

    public BuildRequest Request => Sources.Request;

    /// <summary>The release <see cref="BuildRequest.Release"/> asked for, built among the others but not yet written.</summary>
    public PendingRelease? Pending => Sources.Pending;

    public ContentSet Working => Sources.Working;

    /// <summary>The site's chrome for every page: title, organisation and contact come from the working site.yml.</summary>
    public SiteInfo Chrome => Working.Site.Site;

    public SiteTemplates Templates => Sources.Templates;

    public Timeline Timeline => Sources.Timeline;

    public SiteLayout Layout { get; }

    /// <summary>The working text, always rendered, so a broken edit fails the build before it is ever released.</summary>
    public RenderedVersion Draft { get; }

    /// <summary>Every release, rendered once.</summary>
    public IReadOnlyDictionary<Release, RenderedVersion> Versions { get; }

    public IReadOnlyDictionary<PageKey, PageHistory> Histories { get; }

    public RedlineService Redlines { get; }

    /// <summary>Which legal topics a redline changed, and which of those changes are material.</summary>
    public MaterialChangeAssessor MaterialChanges => _materialChanges.Value;

    private readonly Lazy<MaterialChangeAssessor> _materialChanges;

    /// <summary>What the current URLs show: the release in force, or, while none is, the working text marked as a draft.</summary>
    public RenderedVersion Current { get; }

    /// <summary>Whether the current pages show the draft (no release in force yet).</summary>
    public bool CurrentIsDraft => Sources.CurrentIsDraft;

    public IReadOnlySet<PageKey> CurrentPages { get; }

    /// <summary>Whether the draft is published beside the release in force, under draft/ (build --drafts).</summary>
    public bool ShowsDraftBeside => Sources.ShowsDraftBeside;

    /// <summary>The pages whose draft text differs from the latest release (in force or upcoming), when the draft is shown beside it.</summary>
    public IReadOnlySet<PageKey> DraftChanged { get; }

    /// <summary>A redline for every page version whose text changed since the page's previous version.</summary>
    public IEnumerable<RedlineEntry> ReleaseRedlines() =>
        from history in Histories.Values
        from version in history.Versions
        where version.Changed && version.Previous is not null
        select RedlineEntry.Of(version);

    /// <summary>With the draft shown beside the release in force: each draft page against the latest release.</summary>
    public IEnumerable<RedlineEntry> DraftRedlines()
    {
        if (!ShowsDraftBeside || Timeline.Latest is not { } latest)
        {
            yield break;
        }

        foreach (var page in Draft.Pages)
        {
            yield return new RedlineEntry(page.Plan.Key, page.Plan.Notice, page.Plan.Audience, latest, null, Versions[latest].Find(page.Plan.Key), page);
        }
    }
}
