using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace NoticeGen.Import;

/// <summary>
/// Reads a saved web page: its main content (<c>main</c>, else <c>article</c>, else <c>[role=main]</c>, else the body),
/// without navigation, scripts and styles, and without the text of headers and footers (their headings stay: the page
/// title often sits in one). Headings, paragraphs, lists, tables, quotes, links, emphasis, images and line breaks become
/// Markdown; ids and <c>&lt;a name&gt;</c> anchors are kept, so in-page links still find their target.
/// </summary>
public static partial class HtmlPageReader
{
    /// <summary>Elements nested deeper than this (counting &lt;html&gt; as 1) are refused: see <see cref="NestingGuard"/>.</summary>
    public const int MaxNesting = 256;

    public static SourcePage Read(string file, string html)
    {
        var guard = new NestingGuard(file, MaxNesting);
        var document = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true, OnCreated = guard.Created }).ParseDocument(html);
        guard.Finish();
        var root = document.QuerySelector("main") ?? document.QuerySelector("article") ?? document.QuerySelector("[role=main]")
            ?? document.Body ?? document.DocumentElement;
        var walker = new HtmlWalker(file, document);
        walker.Walk(root);
        walker.Flush();
        var title = document.QuerySelector("head > title")?.TextContent is { } t && !string.IsNullOrWhiteSpace(t) ? Collapse(t).Trim() : null;
        return HeadingSplitter.Split(file, SourceFormat.Html, BoldLineHeadings.Promote(walker.Result), title, walker.Notes);
    }

    internal static string Collapse(string text) => Whitespace().Replace(text, " ");

    internal static string Shorten(string text) => text.Length > 80 ? text[..77] + "..." : text;

    [GeneratedRegex(@"[ \t\n\r\f]+")]
    private static partial Regex Whitespace();
}
