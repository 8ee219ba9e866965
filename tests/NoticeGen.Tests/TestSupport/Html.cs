using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NoticeGen.Tests.TestSupport;

/// <summary>Reads built pages with AngleSharp, and their text as a reader sees it (blocks separated, whitespace folded).</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();
    private static readonly HashSet<string> Blocks = ["P", "LI", "UL", "OL", "H1", "H2", "H3", "H4", "H5", "H6", "DIV", "SECTION", "ARTICLE", "BLOCKQUOTE", "TR", "TD", "TH", "BR", "TABLE", "HEADER", "NAV", "DETAILS", "SUMMARY"];

    public static IDocument Load(string file) => Parser.ParseDocument(File.ReadAllText(file));

    public static IDocument Page(TempSite site, string path) => Load(Path.Combine(site.Out, path.Replace('/', Path.DirectorySeparatorChar), "index.html"));

    /// <summary>The words of an element, with block boundaries as spaces, skipping elements that match <paramref name="skip"/>.</summary>
    public static IReadOnlyList<string> Words(INode node, string? skip = null)
    {
        var text = new System.Text.StringBuilder();
        Collect(node, text, skip);
        return text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    public static string Text(INode node, string? skip = null) => string.Join(' ', Words(node, skip));

    private static void Collect(INode node, System.Text.StringBuilder text, string? skip)
    {
        if (node is IElement element)
        {
            if (skip is not null && element.Matches(skip))
            {
                return;
            }

            var block = Blocks.Contains(element.TagName);
            if (block)
            {
                text.Append(' ');
            }

            foreach (var child in element.ChildNodes)
            {
                Collect(child, text, skip);
            }

            if (block)
            {
                text.Append(' ');
            }
        }
        else if (node is IText t)
        {
            text.Append(t.Data);
        }
        else
        {
            foreach (var child in node.ChildNodes)
            {
                Collect(child, text, skip);
            }
        }
    }
}
