using System.Collections.Concurrent;
using NoticeGen.Check;
using NoticeGen.Compose;
using NoticeGen.Load;

namespace NoticeGen.Render;

/// <summary>
/// Renders the text of the pages of one content set: each fragment through the template layer, then Markdown, with
/// references resolved per page. Safe to call from several threads at once.
/// </summary>
public sealed class PageRenderer(SitePlan site, TemplateContextPool pool)
{
    private readonly FragmentTemplates _templates = new(site.Content);
    private readonly MarkdownRenderer _markdown = new(site);

    /// <summary>
    /// A fragment whose Markdown holds no reference renders to the same HTML on every page; so does the same Markdown on
    /// the same page. Each is rendered once, with the diagnostics it gave, which are reported again on every use.
    /// </summary>
    private readonly ConcurrentDictionary<(string Fragment, string Markdown, PageKey? Page), Lazy<FragmentHtml>> _html = new();

    public RenderedPage Render(PagePlan page, DiagnosticSink diagnostics)
    {
        var intro = page.Intro is null ? string.Empty : RenderFragment(page.Intro, page, diagnostics);
        var sections = new List<RenderedSection>(page.Sections.Count);
        foreach (var section in page.Sections)
        {
            sections.Add(new RenderedSection(section.Id, section.Number, section.Title, RenderFragment(section.Fragment, page, diagnostics)));
        }

        return new RenderedPage(page, intro, sections);
    }

    /// <summary>The index page's intro: no notice in scope; notice: references go to the full notices.</summary>
    public string RenderSiteIntro(DiagnosticSink diagnostics)
    {
        var id = site.Content.Site.Site.IntroFragment;
        return id is null || site.Content.Find(id) is not { } fragment ? string.Empty : RenderFragment(fragment, null, diagnostics);
    }

    private string RenderFragment(Fragment fragment, PagePlan? page, DiagnosticSink diagnostics)
    {
        string markdown;
        try
        {
            markdown = _templates.Render(fragment, page?.Notice, page?.Audience ?? Audience.Everyone, pool);
        }
        catch (UserErrorException ex)
        {
            diagnostics.AddRange(ex.Diagnostics);
            return string.Empty;
        }

        var key = (fragment.Id, markdown, page is null || MayHoldReferences(markdown) ? page?.Key : null);
        var result = _html.GetOrAdd(key, _ => new Lazy<FragmentHtml>(() =>
        {
            var found = new DiagnosticSink();
            var html = _markdown.ToHtml(markdown, fragment, page, found);
            return new FragmentHtml(html, found.Items);
        })).Value;
        diagnostics.AddRange(result.Diagnostics);
        return result.Html;
    }

    /// <summary>
    /// Whether Markdown may hold a reference ([](#id), [x](notice:id), [x]: #id), whose rendering depends on the page.
    /// Errs towards yes: a '#' right after '(', '&lt;' or ':' (spaces aside), or any "notice:".
    /// </summary>
    public static bool MayHoldReferences(string markdown)
    {
        if (markdown.Contains("notice:", StringComparison.Ordinal))
        {
            return true;
        }

        for (var i = markdown.IndexOf('#'); i >= 0; i = markdown.IndexOf('#', i + 1))
        {
            var j = i - 1;
            while (j >= 0 && markdown[j] is ' ' or '\t' or '\n')
            {
                j--;
            }

            if (j >= 0 && markdown[j] is '(' or '<' or ':')
            {
                return true;
            }
        }

        return false;
    }

    private sealed record FragmentHtml(string Html, IReadOnlyList<Diagnostic> Diagnostics);
}
