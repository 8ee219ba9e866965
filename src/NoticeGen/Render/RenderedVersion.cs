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
    public static RenderedVersion Render(ContentSet content, DiagnosticSink diagnostics, TemplateContextPool pool, ParallelOptions parallel)
    {
        var plan = SitePlanner.Plan(content, diagnostics);
        var renderer = new PageRenderer(plan, pool);
        var pages = new RenderedPage[plan.Pages.Count];
        Parallel.For(0, pages.Length, parallel, i => pages[i] = renderer.Render(plan.Pages[i], diagnostics));
        return new RenderedVersion(content, plan, pages, renderer.RenderSiteIntro(diagnostics));
    }
}
