using NoticeGen.Check;
using NoticeGen.Compose;
using NoticeGen.Load;

namespace NoticeGen.Render;

/// <summary>The pages of one content set (the working text or a release), rendered once, in the canonical link form.</summary>
public sealed record RenderedVersion(ContentSet Content, SitePlan Plan, IReadOnlyList<RenderedPage> Pages, string IntroHtml)
{
    private readonly Dictionary<PageKey, RenderedPage> _byKey = Pages.ToDictionary(p => p.Plan.Key);

    public RenderedPage? Find(PageKey key) => _byKey.GetValueOrDefault(key);

    /// <summary>Plans and renders every page, on as many threads as <paramref name="parallel"/> allows; errors go to <paramref name="diagnostics"/>.</summary>
    /// <param name="share">Returns the one shared copy of a text (thread-safe): a section rendered alike on many audience
    /// pages is then held once as soon as each page is done, not once per page until the whole version is.</param>
    public static RenderedVersion Render(ContentSet content, DiagnosticSink diagnostics, TemplateContextPool pool, ParallelOptions parallel, Func<string, string>? share = null) =>
        Render(SitePlanner.Plan(content, diagnostics), diagnostics, pool, parallel, share);

    /// <summary>Renders every page of a plan already made.</summary>
    public static RenderedVersion Render(SitePlan plan, DiagnosticSink diagnostics, TemplateContextPool pool, ParallelOptions parallel, Func<string, string>? share = null)
    {
        var content = plan.Content;
        var renderer = new PageRenderer(plan, pool);
        var pages = new RenderedPage[plan.Pages.Count];
        Parallel.For(0, pages.Length, parallel, i =>
        {
            var page = renderer.Render(plan.Pages[i], diagnostics);
            pages[i] = share is null ? page
                : new RenderedPage(page.Plan, share(page.IntroHtml), page.Sections.Select(s => s with { Html = share(s.Html) }).ToList());
        });
        var intro = renderer.RenderSiteIntro(diagnostics);
        return new RenderedVersion(content, plan, pages, share is null ? intro : share(intro));
    }
}
