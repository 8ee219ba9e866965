using NoticeGen.Releases;
using NoticeGen.Check;
using NoticeGen.Compose;
using NoticeGen.Load;
using NoticeGen.Render;

namespace NoticeGen.History;

/// <summary>A redline of one page between two versions; <see cref="To"/> is null for the unreleased draft.</summary>
public sealed record RedlineEntry(PageKey Key, Notice Notice, Audience Audience, Release? From, Release? To, RenderedPage? Before, RenderedPage After)
{
    /// <summary>The redline's folder, e.g. "websites/california/changes/2026-01-01/".</summary>
    public string Path => PagePaths.NoticePage(Notice, Audience) + ChangesSegment(To);

    public static string ChangesSegment(Release? to) => "changes/" + (to is null ? "draft" : Dates.Iso(to.Effective)) + "/";

    /// <summary>The redline of a page version against the page's previous version.</summary>
    public static RedlineEntry Of(PageVersion version)
    {
        var plan = version.Page.Plan;
        var previous = version.Previous ?? throw new ArgumentException("A page's first version has nothing to compare with.", nameof(version));
        return new RedlineEntry(plan.Key, plan.Notice, plan.Audience, previous.Release, version.Release, previous.Page, version.Page);
    }
}

/// <summary>
/// Every release rendered and compared: which release is in force on the build date, which are upcoming,
/// each page's versions and stamps, and the redlines between consecutive versions of a page.
/// </summary>
public sealed class SiteHistory
{
    /// <summary>Where a redline's two sides are rendered: relative links depend only on depth, so one location serves every date.</summary>
    public const string RedlineLocation = "changes/_/";

    private readonly Dictionary<Release, RenderedVersion> _archived = [];
    private readonly Dictionary<Release, RenderedVersion> _forDiff = [];
    private readonly IReadOnlyDictionary<string, string> _slugs;

    public SiteHistory(IReadOnlyList<Release> releases, DateOnly today, IReadOnlyDictionary<string, string> slugs, DiagnosticBag diagnostics)
    {
        _slugs = slugs;
        Releases = releases;
        Current = releases.LastOrDefault(r => r.Effective <= today);
        Upcoming = releases.Where(r => r.Effective > today).ToList();
        foreach (var release in releases)
        {
            var content = NoticeSlugs.Apply(release.Content, slugs);
            _archived[release] = RenderedVersion.Render(content, diagnostics, release.Segment);
            _forDiff[release] = RenderedVersion.Render(content, diagnostics, string.Empty, RedlineLocation);
        }

        Pages = PageHistory.Build(releases.Select(r => (r, _forDiff[r].Pages)));
    }

    public IReadOnlyList<Release> Releases { get; }

    /// <summary>The latest release whose effective date is not after the build date; null when none is in force yet.</summary>
    public Release? Current { get; }

    public IReadOnlyList<Release> Upcoming { get; }

    public IReadOnlyDictionary<PageKey, PageHistory> Pages { get; }

    /// <summary>A release's pages at their own URLs (e.g. websites/california/2025-05-04/).</summary>
    public RenderedVersion Archived(Release release) => _archived[release];

    /// <summary>A release's pages rendered where redlines live, so that the same text gives the same links in every version.</summary>
    public RenderedVersion ForDiff(Release release) => _forDiff[release];

    /// <summary>The release in force, rendered at the pages' current URLs.</summary>
    public RenderedVersion RenderCurrent(DiagnosticBag diagnostics) =>
        RenderedVersion.Render(NoticeSlugs.Apply((Current ?? throw new InvalidOperationException("No release is in force.")).Content, _slugs), diagnostics, string.Empty);

    /// <summary>A redline for every page version whose text changed since the page's previous version.</summary>
    public IEnumerable<RedlineEntry> Redlines() =>
        from history in Pages.Values
        from version in history.Versions
        where version.Changed && version.Previous is not null
        select RedlineEntry.Of(version);
}
