using NoticeGen.Check;
using NoticeGen.Compose;
using NoticeGen.Load;

namespace NoticeGen.Render;

/// <summary>The pages of one content set rendered at one place in the output (current, archived, draft, or for a redline).</summary>
public sealed record RenderedVersion(ContentSet Content, SitePlan Plan, IReadOnlyList<RenderedPage> Pages, string IntroHtml)
{
    public RenderedPage? Find(PageKey key) => Pages.FirstOrDefault(p => p.Plan.Key == key);

    /// <summary>Plans and renders every page; errors go to <paramref name="diagnostics"/>.</summary>
    public static RenderedVersion Render(ContentSet content, DiagnosticBag diagnostics, string version, string? location = null)
    {
        var plan = SitePlanner.Plan(content, diagnostics, version, location);
        var renderer = new PageRenderer(plan);
        var pages = plan.Pages.Select(p => renderer.Render(p, diagnostics)).ToList();
        return new RenderedVersion(content, plan, pages, renderer.RenderSiteIntro(diagnostics));
    }
}
