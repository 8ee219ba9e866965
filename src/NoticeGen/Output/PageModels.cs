using NoticeGen.Compose;
using NoticeGen.Load;
using Scriban.Runtime;

namespace NoticeGen.Render;

/// <summary>Builds the data each page template sees: the site, the page, and links to its neighbours, all as plain values.</summary>
public static class PageModels
{
    public static ScriptObject Site(SiteInfo site) => FragmentTemplates.SiteObject(site);

    /// <summary>The model of one notice x audience page: <paramref name="chrome"/> for the site's header and footer, <paramref name="siteModel"/> for the version's own audiences.</summary>
    public static ScriptObject NoticePage(SiteInfo chrome, SiteModel siteModel, RenderedPage page, ScriptObject extra)
    {
        var plan = page.Plan;
        var path = plan.Path;
        var pageObject = ScriptData.Object(
            ("kind", "notice"),
            ("title", plan.Notice.Title),
            ("path", path),
            ("root", PagePaths.Relative(path, string.Empty)),
            ("notice", FragmentTemplates.NoticeObject(plan.Notice)),
            ("audience", Audience(plan.Audience)),
            ("intro_html", page.IntroHtml),
            ("sections", ScriptData.Array(page.Sections, s => ScriptData.Object(
                ("id", s.Id), ("number", s.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("title", s.Title),
                ("heading", s.Heading), ("html", s.Html)))),
            ("audiences", ScriptData.Array(siteModel.PageAudiences, a => ScriptData.Object(
                ("id", a.Id), ("name", a.Name), ("current", a.Id == plan.Audience.Id),
                ("url", PagePaths.Relative(path, PagePaths.NoticePage(plan.Notice, a) + plan.Location))))));
        foreach (var (key, value) in extra)
        {
            pageObject.SetValue(key, value, readOnly: true);
        }

        return ScriptData.Object(("site", Site(chrome)), ("page", pageObject));
    }

    /// <summary>The model of the index page: the site intro and every notice with its audience pages.</summary>
    public static ScriptObject IndexPage(SiteInfo chrome, SiteModel siteModel, string introHtml, ScriptObject extra, Func<Notice, object?> lastUpdated)
    {
        var pageObject = ScriptData.Object(
            ("kind", "index"),
            ("title", siteModel.Site.Title),
            ("path", string.Empty),
            ("root", string.Empty),
            ("intro_html", introHtml),
            ("notices", ScriptData.Array(siteModel.Notices, n => ScriptData.Object(
                ("id", n.Id), ("title", n.Title), ("url", PagePaths.NoticePage(n, Load.Audience.Everyone)), ("last_updated", lastUpdated(n)),
                ("audiences", ScriptData.Array(siteModel.PageAudiences, a => ScriptData.Object(
                    ("id", a.Id), ("name", a.Name), ("url", PagePaths.NoticePage(n, a)))))))));
        foreach (var (key, value) in extra)
        {
            pageObject.SetValue(key, value, readOnly: true);
        }

        return ScriptData.Object(("site", Site(chrome)), ("page", pageObject));
    }

    /// <summary>An audience as templates see it.</summary>
    public static ScriptObject Audience(Audience audience) => ScriptData.Object(
        ("id", audience.Id), ("name", audience.Name), ("is_everyone", audience.IsEveryone));
}
