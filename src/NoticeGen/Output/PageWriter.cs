using NoticeGen.Compose;
using NoticeGen.History;
using NoticeGen.Releases;
using NoticeGen.Redline;
using NoticeGen.Load;
using NoticeGen.Render;
using Scriban.Runtime;

namespace NoticeGen.Output;

/// <summary>Whether a page shows the text in force, an older or upcoming release, or the unreleased draft.</summary>
public enum PageStatus
{
    Current,
    InForce,
    Archived,
    Upcoming,
    Draft,
}

/// <summary>Renders the site's HTML pages from templates: notice pages with their stamps and versions, redlines and changelogs.</summary>
public sealed class PageWriter(SiteTemplates templates, SiteHistory history, RedlineCache redlines, SiteInfo chrome, IReadOnlySet<PageKey> currentPages, IReadOnlySet<PageKey> draftChanged)
{
    public string Index(SiteModel site, string introHtml, bool isDraft) =>
        templates.Render("index.sbn", PageModels.IndexPage(chrome, site, introHtml, ScriptData.Object(
            ("is_draft", isDraft),
            ("has_history", history.Releases.Count > 0),
            ("changelog_url", "changes/"),
            ("feed_url", "feed.xml")),
            notice => history.Current is { } current && history.Pages.GetValueOrDefault(new PageKey(notice.Id, Audience.EveryoneId)) is { } page && page.At(current) is not null
                ? DateObject(page.StampAt(current).LastUpdated)
                : null));

    /// <summary>A notice page; <paramref name="release"/> is the release its text comes from (null for the draft).</summary>
    public string NoticePage(SiteModel site, RenderedPage page, PageStatus status, Release? release)
    {
        var plan = page.Plan;
        var from = plan.Path;
        var pageHistory = history.Pages.GetValueOrDefault(plan.Key);
        var version = release is null ? null : pageHistory?.At(release);
        var stamp = release is null || version is null ? null : pageHistory!.StampAt(release);
        var extra = ScriptData.Object(
            ("status", StatusName(status)),
            ("has_current", history.Current is not null),
            ("has_history", history.Releases.Count > 0),
            ("version", release is null ? null : DateObject(release.Effective)),
            ("in_force_until", release is null ? null : NextAfter(release) is { } next ? DateObject(next.Effective) : null),
            ("last_updated", stamp is null ? null : DateObject(stamp.LastUpdated)),
            ("last_reviewed", stamp?.LastReviewed is { } reviewed ? DateObject(reviewed) : null),
            // A withdrawn notice, or an audience not yet in force, has no current page to link to.
            ("current_url", currentPages.Contains(plan.Key) ? PagePaths.Relative(from, plan.CurrentPath) : null),
            ("changes_url", version is { Changed: true, Previous: not null } ? PagePaths.Relative(from, plan.CurrentPath + RedlineEntry.ChangesSegment(release)) : null),
            ("changelog_url", PagePaths.Relative(from, plan.CurrentPath + "changes/")),
            ("feed_url", PagePaths.Relative(from, plan.CurrentPath + "feed.xml")),
            ("draft_url", status == PageStatus.Current && draftChanged.Contains(plan.Key) ? PagePaths.Relative(from, plan.CurrentPath + SiteBuilder.DraftSegment) : null),
            ("draft_changes_url", status == PageStatus.Current && draftChanged.Contains(plan.Key) ? PagePaths.Relative(from, plan.CurrentPath + RedlineEntry.ChangesSegment(null)) : null),
            ("versions", pageHistory is null ? new ScriptArray() : ScriptData.Array(pageHistory.Versions.Reverse(), v => ScriptData.Object(
                ("date", DateObject(v.Release.Effective)),
                ("summary", v.Release.Summary),
                ("changed", v.Changed),
                ("is_this", v.Release == release && status != PageStatus.Current),
                ("in_force", v.Release == history.Current),
                ("upcoming", history.Upcoming.Contains(v.Release)),
                ("url", PagePaths.Relative(from, v.Page.Plan.CurrentPath + v.Release.Segment))))),
            ("upcoming", (status == PageStatus.Current || (status == PageStatus.Draft && history.Current is null)) && pageHistory is not null
                ? ScriptData.Array(pageHistory.Versions.Where(v => history.Upcoming.Contains(v.Release)), v => ScriptData.Object(
                    ("date", DateObject(v.Release.Effective)),
                    ("changed", v.Changed),
                    ("url", PagePaths.Relative(from, v.Page.Plan.CurrentPath + v.Release.Segment)),
                    ("changes_url", v is { Changed: true, Previous: not null } ? PagePaths.Relative(from, v.Page.Plan.CurrentPath + RedlineEntry.ChangesSegment(v.Release)) : null)))
                : new ScriptArray()));
        return templates.Render("page.sbn", PageModels.NoticePage(chrome, site, page, extra));
    }

    public string Redline(RedlineEntry entry)
    {
        var diff = redlines.Diff(entry);
        var from = entry.Path;
        var current = PagePaths.NoticePage(entry.Notice, entry.Audience);
        var page = ScriptData.Object(
            ("kind", "redline"),
            ("title", "Changes to the " + entry.Notice.Title),
            ("path", from),
            ("root", PagePaths.Relative(from, string.Empty)),
            ("notice", FragmentTemplates.NoticeObject(entry.Notice)),
            ("audience", PageModels.Audience(entry.Audience)),
            ("from", entry.From is null ? null : ScriptData.Object(("date", DateObject(entry.From.Effective)), ("url", PagePaths.Relative(from, current + entry.From.Segment)))),
            ("to", ScriptData.Object(
                ("date", entry.To is null ? null : DateObject(entry.To.Effective)),
                ("is_draft", entry.To is null),
                ("upcoming", entry.To is not null && history.Upcoming.Contains(entry.To)),
                ("summary", entry.To?.Summary),
                ("url", PagePaths.Relative(from, current + (entry.To is null ? SiteBuilder.DraftSegment : entry.To.Segment))))),
            ("current_url", currentPages.Contains(entry.Key) ? PagePaths.Relative(from, current) : null),
            ("changelog_url", PagePaths.Relative(from, current + "changes/")),
            ("summary_text", diff.Summary.Describe()),
            ("redline_html", RedlineHtml.Render(diff)));
        return templates.Render("redline.sbn", ScriptData.Object(("site", PageModels.Site(chrome)), ("page", page)));
    }

    /// <summary>The changelog of every page key (notice x audience) and of the whole site, by output path.</summary>
    public IEnumerable<(string Path, string Html)> Changelogs(SiteModel site)
    {
        foreach (var pageHistory in history.Pages.Values.OrderBy(h => h.Key.NoticeId, StringComparer.Ordinal).ThenBy(h => h.Key.AudienceId, StringComparer.Ordinal))
        {
            var latest = pageHistory.Versions[^1].Page.Plan;
            var path = latest.CurrentPath + "changes/";
            var entries = pageHistory.Versions.Where(v => v.Changed).Reverse().Select(v => ChangelogEntry(path, v.Release, [pageHistory], []));
            var title = latest.Audience.IsEveryone ? $"Changes to the {latest.Notice.Title}" : $"Changes to the {latest.Notice.Title} for {latest.Audience.Name}";
            yield return (path + "index.html", Changelog(path, title, latest.CurrentPath + "feed.xml", entries));
        }

        var siteEntries = history.Releases.Reverse().Select(r => ChangelogEntry("changes/", r,
            history.Pages.Values.Where(h => h.Key.AudienceId == Audience.EveryoneId && h.At(r) is not null)
                .OrderBy(h => h.At(r)!.Changed ? 0 : 1) // what the release changed first, then what it only reviewed
                .ThenBy(h => Order(site, h.Key.NoticeId)).ToList(),
            Withdrawn(r)));
        yield return ("changes/index.html", Changelog("changes/", $"Changes to the {site.Site.Title}", "feed.xml", siteEntries));
    }

    private string Changelog(string path, string title, string feedPath, IEnumerable<ScriptObject> entries)
    {
        var page = ScriptData.Object(
            ("kind", "changelog"),
            ("title", title),
            ("path", path),
            ("root", PagePaths.Relative(path, string.Empty)),
            ("feed_url", PagePaths.Relative(path, feedPath)),
            ("entries", ScriptData.Array(entries, e => e)));
        return templates.Render("changelog.sbn", ScriptData.Object(("site", PageModels.Site(chrome)), ("page", page)));
    }

    /// <summary>One release in a changelog: for each notice page listed, whether it is new or which audiences changed, and the changed passages.</summary>
    private ScriptObject ChangelogEntry(string from, Release release, IReadOnlyList<PageHistory> pages, IReadOnlyList<string> withdrawn)
    {
        var notices = new ScriptArray();
        foreach (var pageHistory in pages)
        {
            var version = pageHistory.At(release)!;
            var plan = version.Page.Plan;
            var audiences = history.Pages.Values
                .Where(h => h.Key.NoticeId == plan.Notice.Id && h.At(release) is { Changed: true, Previous: not null })
                .Select(h => h.At(release)!.Page.Plan.Audience)
                .OrderBy(a => a.IsEveryone ? 0 : 1).ThenBy(a => Order(release.Content.Site, a))
                .ToList();
            var redline = version is { Changed: true, Previous: not null } ? RedlineEntry.Of(version) : null;
            IReadOnlyList<RedlinePassage> passages = redline is null ? [] : redlines.Diff(redline).ChangedBlocks();
            notices.Add(ScriptData.Object(
                ("title", plan.Notice.Title),
                ("audience", plan.Audience.IsEveryone ? null : plan.Audience.Name),
                ("is_new", version.Previous is null),
                ("changed", version.Changed),
                ("url", PagePaths.Relative(from, plan.CurrentPath + release.Segment)),
                ("redline_url", redline is null ? null : PagePaths.Relative(from, redline.Path)),
                ("audiences_changed", plan.Audience.IsEveryone
                    ? ScriptData.Array(audiences.Where(a => !a.IsEveryone), a => ScriptData.Object(
                        ("name", a.Name),
                        ("redline_url", PagePaths.Relative(from, PagePaths.NoticePage(plan.Notice, a) + RedlineEntry.ChangesSegment(release)))))
                    : new ScriptArray()),
                ("passages", ScriptData.Array(passages, p => ScriptData.Object(
                    ("section", p.SectionHeading),
                    ("html", LinkRebaser.Rebase(p.Html, version.Page.Plan.Path, plan.CurrentPath + release.Segment, from)))))));
        }

        return ScriptData.Object(
            ("date", DateObject(release.Effective)),
            ("summary", release.Summary),
            ("upcoming", history.Upcoming.Contains(release)),
            ("in_force", release == history.Current),
            ("notices", notices),
            ("withdrawn", ScriptData.Array(withdrawn, title => title)));
    }

    /// <summary>The titles of notices that the release before this one published and this one does not.</summary>
    private IReadOnlyList<string> Withdrawn(Release release)
    {
        var previous = history.Releases.LastOrDefault(r => r.Effective < release.Effective);
        return previous is null
            ? []
            : history.Pages.Values
                .Where(h => h.Key.AudienceId == Audience.EveryoneId && h.At(previous) is not null && h.At(release) is null)
                .Select(h => h.At(previous)!.Page.Plan.Notice.Title)
                .Order(StringComparer.Ordinal)
                .ToList();
    }

    private Release? NextAfter(Release release) => history.Releases.FirstOrDefault(r => r.Effective > release.Effective);

    private static int Order(SiteModel site, string noticeId) => site.Notices.ToList().FindIndex(n => n.Id == noticeId);

    private static int Order(SiteModel site, Audience audience) => site.Audiences.ToList().FindIndex(a => a.Id == audience.Id);

    private static string StatusName(PageStatus status) => status switch
    {
        PageStatus.Current => "current",
        PageStatus.InForce => "in-force",
        PageStatus.Archived => "archived",
        PageStatus.Upcoming => "upcoming",
        _ => "draft",
    };

    private static ScriptObject DateObject(DateOnly date) => ScriptData.Object(("iso", Dates.Iso(date)), ("long", Dates.Long(date)));
}
