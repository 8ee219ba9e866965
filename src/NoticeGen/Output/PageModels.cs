using System.Globalization;
using NoticeGen.Compose;
using NoticeGen.Load;
using NoticeGen.Render;
using Scriban.Runtime;

namespace NoticeGen.Output;

/// <summary>Builds the data each page template sees: the site, the page, and links to its neighbours, all as plain values.</summary>
public static class PageModels
{
    public static ScriptObject Site(SiteInfo site) => FragmentTemplates.SiteObject(site);

    /// <summary>
    /// The model of one notice x audience page in one version, written to <paramref name="folder"/>: <paramref name="siteModel"/>
    /// is the version's own site (its audiences), <paramref name="html"/> resolves the page's rendered text for that folder.
    /// </summary>
    public static ScriptObject NoticePage(
        ScriptObject site, SiteModel siteModel, RenderedPage page, string folder, Func<PageKey, string> audienceFolder,
        Func<string, string> html, ScriptObject extra)
    {
        var plan = page.Plan;
        var pageObject = ScriptData.Object(
            ("kind", "notice"),
            ("title", plan.Notice.Title),
            ("path", folder),
            ("root", SiteLayout.Relative(folder, string.Empty)),
            ("notice", FragmentTemplates.NoticeObject(plan.Notice)),
            ("audience", Audience(plan.Audience)),
            ("intro_html", html(page.IntroHtml)),
            ("sections", ScriptData.Array(page.Sections, s => ScriptData.Object(
                ("id", s.Id), ("number", s.Number?.ToString(CultureInfo.InvariantCulture)), ("title", s.Title),
                ("heading", s.Heading), ("html", html(s.Html)), ("applies_to", AppliesTo(plan, s.Id, siteModel)),
                ("headings", ScriptData.Array(s.Headings, h => ScriptData.Object(("id", h.Id), ("text", h.Text), ("level", h.Level))))))),
            ("audiences", ScriptData.Array(siteModel.PageAudiences, SwitcherLink)),
            // Past a handful of audiences the switcher is a wall of links above the notice: it collapses, grouped by region.
            ("audiences_collapsed", siteModel.PageAudiences.Count() > SwitcherLinks),
            ("audience_groups", ScriptData.Array(Groups(siteModel.PageAudiences), g => ScriptData.Object(
                ("name", g.Key), ("audiences", ScriptData.Array(g, SwitcherLink))))));
        return Wrap(site, pageObject, extra);

        ScriptObject SwitcherLink(Audience a) => ScriptData.Object(
            ("id", a.Id), ("name", a.Name), ("group", a.Group), ("current", a.Id == plan.Audience.Id),
            ("url", SiteLayout.Relative(folder, audienceFolder(new PageKey(plan.Notice.Id, a.Id)))));
    }

    /// <summary>How many links the audience switcher shows as a row of links; with more, it collapses into a list by group.</summary>
    public const int SwitcherLinks = 7;

    /// <summary>
    /// The audiences by group, the groups in the order site.yml first names them; audiences without a group (and the
    /// full notice) form a group without a name where the first of them stands.
    /// </summary>
    public static IReadOnlyList<IGrouping<string?, Audience>> Groups(IEnumerable<Audience> audiences) =>
        audiences.GroupBy(a => a.Group, StringComparer.Ordinal).ToList();

    /// <summary>
    /// "Applies to California residents" for a section limited to some jurisdictions, on the full notice only: an audience's
    /// page holds only the sections that apply to it, so there the label would say nothing.
    /// </summary>
    private static string? AppliesTo(PagePlan plan, string sectionId, SiteModel siteModel) =>
        plan.Audience.IsEveryone && plan.Find(sectionId)?.Fragment.Jurisdictions is { Count: > 0 } ids
            ? PassageLabels.Describe(ids, siteModel.Jurisdictions)
            : null;

    /// <summary>The model of the index page: the site intro and every notice with its audience pages.</summary>
    public static ScriptObject IndexPage(ScriptObject site, SiteModel siteModel, SiteLayout layout, string introHtml, ScriptObject extra, Func<Notice, object?> lastUpdated)
    {
        var pageObject = ScriptData.Object(
            ("kind", "index"),
            ("title", siteModel.Site.Title),
            ("path", string.Empty),
            ("root", string.Empty),
            ("intro_html", introHtml),
            ("notices", ScriptData.Array(siteModel.Notices, n => ScriptData.Object(
                ("id", n.Id), ("title", n.Title), ("url", layout.Page(new PageKey(n.Id, Load.Audience.EveryoneId))), ("last_updated", lastUpdated(n)),
                ("audiences", ScriptData.Array(siteModel.PageAudiences, a => ScriptData.Object(
                    ("id", a.Id), ("name", a.Name), ("url", layout.Page(new PageKey(n.Id, a.Id))))))))));
        return Wrap(site, pageObject, extra);
    }

    /// <summary>The model of any other page: the site and the page's own values.</summary>
    public static ScriptObject Page(ScriptObject site, ScriptObject page) => ScriptData.Object(("site", site), ("page", page));

    /// <summary>An audience as templates see it.</summary>
    public static ScriptObject Audience(Audience audience) => ScriptData.Object(
        ("id", audience.Id), ("name", audience.Name), ("is_everyone", audience.IsEveryone));

    /// <summary>A date as templates see it: ISO for machines, long for readers.</summary>
    public static ScriptObject Date(DateOnly date) => ScriptData.Object(("iso", Dates.Iso(date)), ("long", Dates.Long(date)));

    private static ScriptObject Wrap(ScriptObject site, ScriptObject pageObject, ScriptObject extra)
    {
        foreach (var (key, value) in extra)
        {
            pageObject.SetValue(key, value, readOnly: true);
        }

        return Page(site, pageObject);
    }
}
