using NoticeGen.Check;
using NoticeGen.Compose;
using NoticeGen.Load;

namespace NoticeGen.Render;

/// <summary>Renders the text of pages: each fragment through the template layer, then Markdown, with references resolved per page.</summary>
public sealed class PageRenderer(SitePlan site)
{
    private readonly FragmentTemplates _templates = new(site.Content);
    private readonly MarkdownRenderer _markdown = new(site);

    public RenderedPage Render(PagePlan page, DiagnosticBag diagnostics)
    {
        var intro = page.Intro is null ? string.Empty : RenderFragment(page.Intro, page, diagnostics);
        var sections = page.Sections
            .Select(s => new RenderedSection(s.Id, s.Number, s.Title, RenderFragment(s.Fragment, page, diagnostics)))
            .ToList();
        return new RenderedPage(page, intro, sections);
    }

    /// <summary>The index page's intro: no notice in scope; notice: references go to the full notices.</summary>
    public string RenderSiteIntro(DiagnosticBag diagnostics)
    {
        var id = site.Content.Site.Site.IntroFragment;
        return id is null || site.Content.Find(id) is not { } fragment ? string.Empty : RenderFragment(fragment, null, diagnostics);
    }

    private string RenderFragment(Fragment fragment, PagePlan? page, DiagnosticBag diagnostics)
    {
        try
        {
            var markdown = _templates.Render(fragment, page?.Notice, page?.Audience ?? Audience.Everyone);
            return _markdown.ToHtml(markdown, fragment, page, diagnostics);
        }
        catch (UserErrorException ex)
        {
            foreach (var d in ex.Diagnostics)
            {
                diagnostics.Add(d);
            }

            return string.Empty;
        }
    }
}
