using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NoticeGen.Import;

/// <summary>
/// The words of a notice page NoticeGen built, as a reader sees them: the title (the h1) and the article (intro and
/// sections), with block boundaries as spaces and without the section permalinks, footnotes' links back and "Applies to" labels.
/// </summary>
public static class ComposedPage
{
    private static readonly HashSet<string> Blocks = ["P", "LI", "UL", "OL", "H1", "H2", "H3", "H4", "H5", "H6", "DIV", "SECTION", "ARTICLE", "BLOCKQUOTE", "TR", "TD", "TH", "BR", "TABLE", "HEADER", "NAV", "DETAILS", "SUMMARY", "PRE", "DT", "DD"];

    public static IReadOnlyList<string> Words(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var title = document.QuerySelector("main h1") ?? document.QuerySelector("h1");
        var article = document.QuerySelector("article");
        var text = new StringBuilder();
        if (title is not null)
        {
            Collect(title, text);
        }

        if (article is not null)
        {
            Collect(article, text);
        }

        return text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    private static void Collect(INode node, StringBuilder text)
    {
        if (node is IElement element)
        {
            if (element.ClassList.Contains("permalink") || element.ClassList.Contains("applies-to") || element.ClassList.Contains("footnote-back-ref"))
            {
                return;
            }

            var block = Blocks.Contains(element.TagName);
            text.Append(block ? " " : string.Empty);
            foreach (var child in element.ChildNodes)
            {
                Collect(child, text);
            }

            text.Append(block ? " " : string.Empty);
        }
        else if (node is IText t)
        {
            text.Append(t.Data);
        }
    }
}
