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
    private readonly ConcurrentDictionary<(string Fragment, string Markdown, PageKey? Page, int Footnotes), Lazy<FragmentHtml>> _html = new();

    public RenderedPage Render(PagePlan page, DiagnosticSink diagnostics)
    {
        // Footnotes are numbered across the page, so sections are rendered in order, each knowing how many came before.
        var footnotes = 0;
        var intro = page.Intro is null ? null : RenderFragment(page.Intro, page, HeadingAnchors.IntroSection, footnotes, diagnostics);
        footnotes += intro?.Footnotes ?? 0;
        var sections = new List<RenderedSection>(page.Sections.Count);
        foreach (var section in page.Sections)
        {
            var rendered = RenderFragment(section.Fragment, page, section.Id, footnotes, diagnostics);
            footnotes += rendered.Footnotes;
            sections.Add(new RenderedSection(section.Id, section.Number, section.Title, rendered.Html) { Headings = rendered.Headings });
        }

        return new RenderedPage(page, intro?.Html ?? string.Empty, sections);
    }

    /// <summary>The index page's intro: no notice in scope; notice: references go to the full notices.</summary>
    public string RenderSiteIntro(DiagnosticSink diagnostics)
    {
        var id = site.Content.Site.Site.IntroFragment;
        return id is null || site.Content.Find(id) is not { } fragment ? string.Empty : RenderFragment(fragment, null, HeadingAnchors.IntroSection, 0, diagnostics).Html;
    }

    private RenderedMarkdown RenderFragment(Fragment fragment, PagePlan? page, string section, int footnotes, DiagnosticSink diagnostics)
    {
        string markdown;
        try
        {
            markdown = _templates.Render(fragment, page?.Notice, page?.Audience ?? Audience.Everyone, pool);
        }
        catch (UserErrorException ex)
        {
            diagnostics.AddRange(ex.Diagnostics);
            return new RenderedMarkdown(string.Empty, [], 0);
        }

        // References, heading anchors and footnote numbers depend on the page; most text has none and renders once.
        var perPage = page is null || MayHoldReferences(markdown) || markdown.Contains('#') || markdown.Contains("[^", StringComparison.Ordinal)
            || markdown.Contains("\n--", StringComparison.Ordinal) || markdown.Contains("\n==", StringComparison.Ordinal);
        var key = (fragment.Id, markdown, perPage ? page?.Key : null, perPage ? footnotes : 0);
        var result = _html.GetOrAdd(key, _ => new Lazy<FragmentHtml>(() =>
        {
            var found = new DiagnosticSink();
            var rendered = _markdown.ToHtml(markdown, fragment, page, section, footnotes, found);
            return new FragmentHtml(rendered, found.Items);
        })).Value;
        diagnostics.AddRange(result.Diagnostics);
        return result.Rendered;
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

    private sealed record FragmentHtml(RenderedMarkdown Rendered, IReadOnlyList<Diagnostic> Diagnostics);
}
