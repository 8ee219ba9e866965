using NoticeGen.Build;
using NoticeGen.Compose;
using NoticeGen.History;
using NoticeGen.Load;
using NoticeGen.Releases;
using NoticeGen.Render;
using Scriban.Runtime;

namespace NoticeGen.Output;

/// <summary>
/// Renders the site's HTML pages from templates and the build: notice pages with their stamps and versions, redlines and
/// changelogs. Every URL comes from the <see cref="SiteLayout"/>, made relative to the file being written.
/// </summary>
public sealed class SitePages(SiteBuild build)
{
    private readonly ScriptObject _site = PageModels.Site(build.Chrome);
    private readonly SiteLayout _layout = build.Layout;
    private readonly Timeline _timeline = build.Timeline;

    /// <summary>
    /// The folder links to a page go to from text of one version: that version of the page when it exists; otherwise
    /// (a link in removed text to a page since withdrawn) its current page, else its latest version.
    /// </summary>
    public string LinkTarget(PageKey key, VersionLocation version)
    {
        var exists = version == VersionLocation.Current ? build.CurrentPages.Contains(key)
            : version == VersionLocation.Draft ? build.Draft.Find(key) is not null
            : version.Date is { } date && build.Timeline.At(date) is { } release && build.Versions[release].Find(key) is not null;
        if (exists)
        {
            return _layout.Page(key, version);
        }

        return build.CurrentPages.Contains(key) || build.Histories.GetValueOrDefault(key) is not { } history
            ? _layout.Page(key)
            : _layout.Page(key, VersionLocation.Dated(history.Latest.Release.Effective));
    }

    public string Index()
    {
        var current = build.Current;
        var links = new LinkContext(string.Empty, null, key => LinkTarget(key, VersionLocation.Current), _ => false);
        return build.Templates.Render("index.sbn", PageModels.IndexPage(_site, current.Content.Site, _layout, LinkResolver.Resolve(current.IntroHtml, links),
            ScriptData.Object(
                ("is_draft", build.CurrentIsDraft),
                ("has_history", _timeline.Releases.Count > 0),
                ("changelog_url", SiteLayout.SiteChangelog),
                ("feed_url", SiteLayout.SiteFeed),
                ("drafts", build.ShowsDraftBeside ? DraftEntries() : null)),
            notice => _timeline.Current is { } inForce && build.Histories.GetValueOrDefault(new PageKey(notice.Id, Audience.EveryoneId))?.At(inForce) is { } version
                ? PageModels.Date(version.Stamp.LastUpdated)
                : null));
    }

    /// <summary>The page's rendered text as written into its folder: links relative to it, its stamp filled in.</summary>
    public Func<string, string> Resolver(RenderedPage page, Release? release, VersionLocation location)
    {
        var key = page.Plan.Key;
        var stamp = release is null ? null : build.Histories.GetValueOrDefault(key)?.At(release)?.Stamp;
        var links = new LinkContext(_layout.Page(key, location), key, k => LinkTarget(k, location), _ => true, LastUpdated: stamp?.LastUpdated);
        return html => LinkResolver.Resolve(html, links);
    }

    /// <summary>With the draft shown beside the release in force: each draft notice's pages, and for those it changes, their redline.</summary>
    private ScriptArray DraftEntries() =>
        ScriptData.Array(build.Draft.Content.Site.Notices, n => ScriptData.Object(
            ("id", n.Id),
            ("title", n.Title),
            ("pages", ScriptData.Array(build.Draft.Content.Site.PageAudiences.Select(a => new PageKey(n.Id, a.Id)).Where(k => build.Draft.Find(k) is not null), k => ScriptData.Object(
                ("name", build.Draft.Find(k)!.Plan.Audience.Name),
                ("url", _layout.Page(k, VersionLocation.Draft)),
                ("changes_url", build.DraftChanged.Contains(k) ? _layout.Redline(k, null) : null))))));

    /// <summary>A notice page in one version; <paramref name="release"/> is the release its text comes from (null for the draft).</summary>
    public string NoticePage(SiteModel site, RenderedPage page, PageStatus status, Release? release, VersionLocation location)
    {
        var key = page.Plan.Key;
        var folder = _layout.Page(key, location);
        var history = build.Histories.GetValueOrDefault(key);
        var version = release is null ? null : history?.At(release);
        var stamp = version?.Stamp;
        var links = new LinkContext(folder, key, k => LinkTarget(k, location), _ => true, LastUpdated: stamp?.LastUpdated);
        var draftChanged = status == PageStatus.Current && build.DraftChanged.Contains(key);
        var shown = VersionWindow.Around(history?.Versions ?? [], release);
        ScriptArray VersionList(IEnumerable<PageVersion> versions) => ScriptData.Array(versions, v => ScriptData.Object(
            ("date", PageModels.Date(v.Release.Effective)),
            ("summary", v.Release.Summary),
            ("changed", v.Changed),
            ("is_this", v.Release == release && status != PageStatus.Current),
            ("in_force", v.Release == _timeline.Current),
            ("upcoming", _timeline.IsUpcoming(v.Release)),
            ("url", SiteLayout.Relative(folder, _layout.Page(key, VersionLocation.Dated(v.Release.Effective))))));
        var extra = ScriptData.Object(
            ("status", StatusName(status)),
            ("has_current", _timeline.Current is not null),
            ("has_history", _timeline.Releases.Count > 0),
            ("version", release is null ? null : PageModels.Date(release.Effective)),
            ("in_force_until", release is not null && _timeline.Next(release) is { } next ? PageModels.Date(next.Effective) : null),
            ("last_updated", stamp is null ? null : PageModels.Date(stamp.LastUpdated)),
            ("last_reviewed", stamp?.LastReviewed is { } reviewed ? PageModels.Date(reviewed) : null),
            // A withdrawn notice, or an audience not yet in force, has no current page to link to.
            ("current_url", build.CurrentPages.Contains(key) ? SiteLayout.Relative(folder, _layout.Page(key)) : null),
            ("changes_url", version is { Changed: true, Previous: not null } ? SiteLayout.Relative(folder, _layout.Redline(key, release!.Effective)) : null),
            ("changelog_url", SiteLayout.Relative(folder, _layout.Changelog(key))),
            ("feed_url", SiteLayout.Relative(folder, _layout.Feed(key))),
            // An archived version's preferred address is the current page (search engines and archives follow it).
            ("canonical_url", status is PageStatus.Archived or PageStatus.InForce && build.CurrentPages.Contains(key)
                ? build.Chrome.BaseUrl is { Length: > 0 } baseUrl ? SiteLayout.Absolute(baseUrl, _layout.Page(key)) : SiteLayout.Relative(folder, _layout.Page(key))
                : null),
            ("json_url", PageRecords.TwinFile),
            ("draft_url", draftChanged ? SiteLayout.Relative(folder, _layout.Page(key, VersionLocation.Draft)) : null),
            ("draft_changes_url", draftChanged ? SiteLayout.Relative(folder, _layout.Redline(key, null)) : null),
            // page.versions is every version, as it always was, but made only when a template reads it (a site's own
            // page.sbn from before the window); the built-in one lists the window, page.versions_nearby.
            ("versions", new LazyValue(() => VersionList(history?.Versions.Reverse() ?? []))),
            ("versions_nearby", VersionList(shown.Versions)),
            ("versions_total", shown.Total),
            ("versions_first_number", shown.FirstNumber),
            ("upcoming", (status == PageStatus.Current || (status == PageStatus.Draft && _timeline.Current is null)) && history is not null
                ? ScriptData.Array(history.Versions.Where(v => _timeline.IsUpcoming(v.Release)), v => ScriptData.Object(
                    ("date", PageModels.Date(v.Release.Effective)),
                    ("changed", v.Changed),
                    ("url", SiteLayout.Relative(folder, _layout.Page(key, VersionLocation.Dated(v.Release.Effective)))),
                    ("changes_url", v is { Changed: true, Previous: not null } ? SiteLayout.Relative(folder, _layout.Redline(key, v.Release.Effective)) : null)))
                : new ScriptArray()));
        return build.Templates.Render("page.sbn", PageModels.NoticePage(_site, site, page, folder, k => _layout.Page(k, location),
            html => LinkResolver.Resolve(html, links), extra));
    }

    public string Redline(RedlineEntry entry)
    {
        var redline = build.Redlines.Of(entry);
        var material = build.MaterialChanges.Assess(entry, redline);
        var key = entry.Key;
        var folder = _layout.Redline(key, entry.To?.Effective);
        var toLocation = entry.To is null ? VersionLocation.Draft : VersionLocation.Dated(entry.To.Effective);
        var sections = redline.SectionIds.ToHashSet(StringComparer.Ordinal);
        var stamp = entry.To is null ? null : build.Histories.GetValueOrDefault(key)?.At(entry.To)?.Stamp;
        var links = new LinkContext(folder, key, k => LinkTarget(k, toLocation), sections.Contains, LastUpdated: stamp?.LastUpdated);
        var page = ScriptData.Object(
            ("kind", "redline"),
            ("title", "Changes to the " + entry.Notice.Title),
            ("path", folder),
            ("root", SiteLayout.Relative(folder, string.Empty)),
            ("notice", FragmentTemplates.NoticeObject(entry.Notice)),
            ("audience", PageModels.Audience(entry.Audience)),
            ("from", entry.From is null ? null : ScriptData.Object(
                ("date", PageModels.Date(entry.From.Effective)),
                ("url", SiteLayout.Relative(folder, _layout.Page(key, VersionLocation.Dated(entry.From.Effective)))))),
            ("to", ScriptData.Object(
                ("date", entry.To is null ? null : PageModels.Date(entry.To.Effective)),
                ("is_draft", entry.To is null),
                ("upcoming", entry.To is not null && _timeline.IsUpcoming(entry.To)),
                ("summary", entry.To?.Summary),
                ("url", SiteLayout.Relative(folder, _layout.Page(key, toLocation))))),
            ("current_url", build.CurrentPages.Contains(key) ? SiteLayout.Relative(folder, _layout.Page(key)) : null),
            ("changelog_url", SiteLayout.Relative(folder, _layout.Changelog(key))),
            ("summary_text", redline.SummaryText),
            ("material", material.IsMaterial ? string.Join(", ", material.Material.Select(t => t.Topic)) : null),
            ("topics", ScriptData.Array(material.Topics, t => t.Topic)),
            ("redline_html", LinkResolver.Resolve(redline.Html, links)));
        return build.Templates.Render("redline.sbn", PageModels.Page(_site, page));
    }

    /// <summary>The changelog of one page (notice x audience): the releases that changed it, newest first.</summary>
    public string PageChangelog(PageHistory history)
    {
        var latest = history.Latest.Page.Plan;
        var folder = _layout.Changelog(history.Key);
        var entries = history.Versions.Where(v => v.Changed).Reverse().Select((v, i) => ChangelogEntry(folder, v.Release, [history], [], i));
        var title = latest.Audience.IsEveryone ? $"Changes to the {latest.Notice.Title}" : $"Changes to the {latest.Notice.Title} for {latest.Audience.Name}";
        return Changelog(folder, title, _layout.Feed(history.Key), entries);
    }

    /// <summary>The site's changelog: every release, with the full notices it changed first and those it only reviewed after.</summary>
    public string SiteChangelog()
    {
        var site = build.Current.Content.Site;
        var entries = _timeline.Releases.Reverse().Select((r, i) => ChangelogEntry(SiteLayout.SiteChangelog, r,
            build.Histories.Values.Where(h => h.Key.IsFullNotice && h.At(r) is not null)
                .OrderBy(h => h.At(r)!.Changed ? 0 : 1)
                .ThenBy(h => NoticeOrder(site, h.Key.NoticeId)).ToList(),
            Withdrawn(r), i));
        return Changelog(SiteLayout.SiteChangelog, $"Changes to the {site.Site.Title}", SiteLayout.SiteFeed, entries);
    }

    private string Changelog(string folder, string title, string feedPath, IEnumerable<ScriptObject> entries)
    {
        var page = ScriptData.Object(
            ("kind", "changelog"),
            ("title", title),
            ("path", folder),
            ("root", SiteLayout.Relative(folder, string.Empty)),
            ("feed_url", SiteLayout.Relative(folder, feedPath)),
            ("entries", ScriptData.Array(entries, e => e)));
        return build.Templates.Render("changelog.sbn", PageModels.Page(_site, page));
    }

    /// <summary>One release in a changelog: for each notice page listed, whether it is new or which audiences changed, and the changed passages.</summary>
    /// <summary>How many of the latest releases a changelog shows with their passages open; older ones are collapsed.</summary>
    public const int OpenChangelogEntries = 3;

    private ScriptObject ChangelogEntry(string folder, Release release, IReadOnlyList<PageHistory> pages, IReadOnlyList<string> withdrawn, int index)
    {
        var notices = new ScriptArray();
        foreach (var history in pages)
        {
            var version = history.At(release)!;
            var plan = version.Page.Plan;
            var key = history.Key;
            var at = VersionLocation.Dated(release.Effective);
            var audiences = build.Histories.Values
                .Where(h => h.Key.NoticeId == key.NoticeId && h.At(release) is { Changed: true, Previous: not null })
                .Select(h => h.At(release)!.Page.Plan.Audience)
                .OrderBy(a => a.IsEveryone ? 0 : 1).ThenBy(a => AudienceOrder(release.Site, a))
                .ToList();
            var entry = version is { Changed: true, Previous: not null } ? RedlineEntry.Of(version) : null;
            var redline = entry is null ? null : build.Redlines.Of(entry);
            var links = new LinkContext(folder, key, k => LinkTarget(k, at), _ => false, LastUpdated: version.Stamp.LastUpdated);
            notices.Add(ScriptData.Object(
                ("title", plan.Notice.Title),
                ("audience", plan.Audience.IsEveryone ? null : plan.Audience.Name),
                ("is_new", version.Previous is null),
                ("changed", version.Changed),
                ("url", SiteLayout.Relative(folder, _layout.Page(key, at))),
                ("redline_url", redline is null ? null : SiteLayout.Relative(folder, _layout.Redline(key, release.Effective))),
                ("material", redline is null ? null : string.Join(", ", build.MaterialChanges.Assess(entry!, redline).Material.Select(t => t.Topic)) is { Length: > 0 } topics ? topics : null),
                // The full notice is one of the pages a release changed: named first, with its own redline.
                ("audiences_changed", plan.Audience.IsEveryone
                    ? ScriptData.Array(audiences, a => ScriptData.Object(
                        ("name", a.Name),
                        ("redline_url", SiteLayout.Relative(folder, _layout.Redline(new PageKey(key.NoticeId, a.Id), release.Effective)))))
                    : new ScriptArray()),
                ("passages", ScriptData.Array(redline?.Passages ?? [], p => ScriptData.Object(
                    ("section", p.SectionHeading),
                    ("html", LinkResolver.Resolve(p.Html, links)))))));
        }

        return ScriptData.Object(
            ("date", PageModels.Date(release.Effective)),
            ("summary", release.Summary),
            ("upcoming", _timeline.IsUpcoming(release)),
            ("in_force", release == _timeline.Current),
            // A long history stays readable: the latest releases show their passages, older ones keep them one click away.
            ("collapsed", index >= OpenChangelogEntries),
            ("notices", notices),
            ("withdrawn", ScriptData.Array(withdrawn, title => title)));
    }

    /// <summary>The titles of notices that the release before this one published and this one does not.</summary>
    private IReadOnlyList<string> Withdrawn(Release release) =>
        _timeline.Previous(release) is not { } previous
            ? []
            : build.Histories.Values
                .Where(h => h.Key.IsFullNotice && h.At(previous) is not null && h.At(release) is null)
                .Select(h => h.At(previous)!.Page.Plan.Notice.Title)
                .Order(StringComparer.Ordinal)
                .ToList();

    private static int NoticeOrder(SiteModel site, string noticeId) => site.Notices.ToList().FindIndex(n => n.Id == noticeId);

    private static int AudienceOrder(SiteModel site, Audience audience) => site.Audiences.ToList().FindIndex(a => a.Id == audience.Id);

    private static string StatusName(PageStatus status) => status switch
    {
        PageStatus.Current => "current",
        PageStatus.InForce => "in-force",
        PageStatus.Archived => "archived",
        PageStatus.Upcoming => "upcoming",
        _ => "draft",
    };
}
