using Markdig.Extensions.Footnotes;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace NoticeGen.Render;

/// <summary>
/// Footnotes numbered across the page (a fragment's first note follows the notes of the sections before it), with ids
/// unique on the page and links in the canonical form, so they work on the page and lead back to it from redlines.
/// </summary>
public sealed class FootnoteLinkRenderer(int offset, Func<string, string> href) : HtmlObjectRenderer<FootnoteLink>
{
    private readonly Dictionary<int, int> _references = [];
    private readonly Dictionary<int, int> _backLinks = [];

    protected override void Write(HtmlRenderer renderer, FootnoteLink link)
    {
        var number = offset + link.Footnote.Order;
        if (link.IsBackLink)
        {
            var back = _backLinks[number] = _backLinks.GetValueOrDefault(number) + 1;
            renderer.Write($"<a href=\"{href(ReferenceId(number, back))}\" class=\"footnote-back-ref\" aria-label=\"Back to the text of note {number}\">&#8617;</a>");
            return;
        }

        var reference = _references[number] = _references.GetValueOrDefault(number) + 1;
        renderer.Write($"<sup class=\"footnote-ref\"><a id=\"{ReferenceId(number, reference)}\" href=\"{href("fn-" + number)}\" aria-label=\"Note {number}\">{number}</a></sup>");
    }

    private static string ReferenceId(int number, int occurrence) => occurrence == 1 ? $"fnref-{number}" : $"fnref-{number}-{occurrence}";
}

/// <summary>The notes of a fragment, as an ordered list that starts at the page-wide number of its first note.</summary>
public sealed class FootnoteGroupRenderer(int offset) : HtmlObjectRenderer<FootnoteGroup>
{
    protected override void Write(HtmlRenderer renderer, FootnoteGroup group)
    {
        renderer.EnsureLine();
        renderer.Write($"<div class=\"footnotes\">\n<hr>\n<ol start=\"{offset + 1}\">\n");
        foreach (var footnote in group.OfType<Footnote>().OrderBy(f => f.Order))
        {
            renderer.Write($"<li id=\"fn-{offset + footnote.Order}\">\n");
            renderer.WriteChildren(footnote);
            renderer.Write("</li>\n");
        }

        renderer.Write("</ol>\n</div>\n");
    }
}
