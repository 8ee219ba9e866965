using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NoticeGen.Redline;

namespace NoticeGen.Tests.Redline;

/// <summary>
/// The oracle for "two pages differ": their HTML with whitespace made canonical, and nothing else. Runs of whitespace are one
/// space; whitespace next to a block boundary or a line break is none (a browser shows none); whitespace at the edge of an inline
/// element is the same just outside it (a space is a space, inside a link or not). Everything else counts: every element, every
/// attribute and its value, every character of text.
/// </summary>
internal static partial class CanonicalHtml
{
    private static readonly HashSet<string> Blocks =
        ["P", "H1", "H2", "H3", "H4", "H5", "H6", "UL", "OL", "LI", "TABLE", "THEAD", "TBODY", "TFOOT", "TR", "TD", "TH", "DIV", "BLOCKQUOTE",
         "PRE", "HR", "DL", "DT", "DD", "SECTION", "ARTICLE", "ASIDE", "HEADER", "FOOTER", "NAV", "FIGURE", "FIGCAPTION", "CAPTION", "ADDRESS",
         "DETAILS", "SUMMARY", "MAIN"];

    /// <summary>A page as the oracle sees it: title, then intro, then each section's id, heading and body.</summary>
    public static string Page(PageText page)
    {
        var text = new StringBuilder(Fold(page.Title)).Append('\n').Append(Of(page.IntroHtml));
        foreach (var section in page.Sections)
        {
            text.Append("\n#").Append(section.Id).Append(' ').Append(Fold(section.Heading)).Append('\n').Append(Of(section.Html));
        }

        return text.ToString();
    }

    public static string Of(string html)
    {
        var events = new List<(char Kind, string Text)>();
        foreach (var node in RedlineSupport.Parse(html).Body!.ChildNodes)
        {
            Walk(node, events);
        }

        var changed = true;
        while (changed)
        {
            changed = false;
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i].Kind != ' ')
                {
                    continue;
                }

                var before = i > 0 ? events[i - 1].Kind : 'B';
                var after = i + 1 < events.Count ? events[i + 1].Kind : 'B';
                if (before is 'B' or 'b' or ' ' || after is 'B' or 'b')
                {
                    // Next to a block boundary or a line break, or doubled: no space at all.
                    events.RemoveAt(i);
                    changed = true;
                }
                else if (before == '<')
                {
                    // Just inside an element's start: the same space just before it.
                    (events[i - 1], events[i]) = (events[i], events[i - 1]);
                    changed = true;
                }
                else if (after == '>')
                {
                    (events[i + 1], events[i]) = (events[i], events[i + 1]);
                    changed = true;
                }
            }
        }

        return string.Join("\u0001", events.Select(e => e.Kind + e.Text));
    }

    private static void Walk(INode node, List<(char Kind, string Text)> events)
    {
        if (node is IText text)
        {
            foreach (Match piece in Pieces().Matches(text.Data))
            {
                events.Add(char.IsWhiteSpace(piece.Value[0]) ? (' ', string.Empty) : ('t', piece.Value));
            }

            return;
        }

        if (node is not IElement element)
        {
            return;
        }

        var tag = element.TagName;
        var attributes = string.Concat(element.Attributes.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => $" {a.Name}=\"{a.Value}\""));
        if (tag == "BR")
        {
            events.Add(('b', attributes));
            return;
        }

        var block = Blocks.Contains(tag);
        events.Add((block ? 'B' : '<', tag + attributes));
        foreach (var child in element.ChildNodes)
        {
            Walk(child, events);
        }

        events.Add((block ? 'B' : '>', "/" + tag));
    }

    private static string Fold(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+|\S+")]
    private static partial Regex Pieces();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
