using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NoticeGen.Redline;

namespace NoticeGen.Tests.Redline;

/// <summary>Builds pages for redline tests and reads redlines back: accepted, rejected, or as text a reader sees.</summary>
internal static partial class RedlineSupport
{
    private static readonly string[] BlockTags =
        ["P", "LI", "UL", "OL", "H1", "H2", "H3", "H4", "H5", "H6", "DIV", "SECTION", "BLOCKQUOTE", "TABLE", "THEAD", "TBODY",
         "TR", "TD", "TH", "BR", "HR", "PRE", "DETAILS", "SUMMARY"];

    public static SectionText Section(string id, string heading, string html) => new(id, heading, html);

    public static PageText Page(params SectionText[] sections) => new("Notice", string.Empty, sections);

    public static PageText PageWithIntro(string introHtml, params SectionText[] sections) => new("Notice", introHtml, sections);

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The text of an element without the visually hidden "added: "/"removed: " markers.</summary>
    public static string Visible(IElement element)
    {
        var copy = (IElement)element.Clone();
        foreach (var hidden in copy.QuerySelectorAll(".visually-hidden").ToList())
        {
            hidden.Remove();
        }

        return copy.TextContent;
    }

    /// <summary>Text as a reader sees it: block boundaries and line breaks are spaces, whitespace runs fold to one space.</summary>
    public static string TextOf(INode node)
    {
        var text = new StringBuilder();
        Collect(node, text);
        return Fold(text.ToString());
    }

    public static string Fold(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>The text of each section of a page as it reads: intro first (id ""), then heading and body of each section.</summary>
    public static IReadOnlyList<(string Id, string Text)> SectionTexts(PageText page) =>
        [(string.Empty, TextOf(Parse(page.IntroHtml).Body!)),
         .. page.Sections.Select(s => (s.Id, Fold(s.Heading + " " + TextOf(Parse(s.Html).Body!))))];

    /// <summary>
    /// The redline with every change accepted: deletions dropped, insertions kept, the old places of moved blocks and sections
    /// dropped. Redline chrome (summary, notes) and the hidden markers go too. Returns each section's text, removed sections left
    /// out, in the order of the redline.
    /// </summary>
    public static IReadOnlyList<(string Id, string Text)> Accept(string redline) => Read(redline, drop: "del, [data-moved-to]", skipSection: "removed", undoMoves: false);

    /// <summary>
    /// The redline with every change rejected: insertions dropped, deletions kept, and each moved block or section taken back to
    /// its old place (the element whose data-moved-to names it); added sections left out.
    /// </summary>
    public static IReadOnlyList<(string Id, string Text)> Reject(string redline) => Read(redline, drop: "ins", skipSection: "added", undoMoves: true);

    /// <summary>The intro section appears in a redline only when one of the pages has an intro.</summary>
    public static IReadOnlyList<(string Id, string Text)> WithoutEmptyIntro(IEnumerable<(string Id, string Text)> sections) =>
        sections.Where(s => s.Id.Length > 0 || s.Text.Length > 0).ToList();

    private static List<(string Id, string Text)> Read(string redline, string drop, string skipSection, bool undoMoves)
    {
        var document = Parse(redline);
        if (undoMoves)
        {
            foreach (var stub in document.QuerySelectorAll("[data-moved-to]").ToList())
            {
                var to = stub.GetAttribute("data-moved-to")!;
                var moved = to.StartsWith("section:", StringComparison.Ordinal)
                    ? document.QuerySelectorAll("section[data-moved]").Single(s => s.Id == to["section:".Length..])
                    : document.QuerySelectorAll("[data-move]").Single(e => e.GetAttribute("data-move") == to);
                stub.Replace(moved);
            }
        }

        foreach (var element in document.QuerySelectorAll($".redline-summary, .redline-note, .redline-gap, .visually-hidden, {drop}").ToList())
        {
            element.Remove();
        }

        return document.QuerySelectorAll("section.redline-section")
            .Where(s => s.GetAttribute("data-change") != skipSection)
            .Select(s => (s.Id ?? string.Empty, TextOf(s)))
            .ToList();
    }

    private static void Collect(INode node, StringBuilder text)
    {
        if (node is IText t)
        {
            text.Append(t.Data);
            return;
        }

        // The redline labels an image with its alt text, as a link to it: read the page the same way.
        if (node is IElement { TagName: "IMG" } image)
        {
            text.Append("[image: ").Append(image.GetAttribute("alt")).Append(']');
            return;
        }

        var block = node is IElement e && BlockTags.Contains(e.TagName);
        if (block)
        {
            text.Append(' ');
        }

        foreach (var child in node.ChildNodes)
        {
            Collect(child, text);
        }

        if (block)
        {
            text.Append(' ');
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
