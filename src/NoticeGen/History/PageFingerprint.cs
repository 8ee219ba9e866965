using NoticeGen.Releases;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;
using NoticeGen.Render;

namespace NoticeGen.History;

/// <summary>
/// What counts as a page's own text for its "last updated" stamp: its words (whitespace folded) and the targets of its
/// external links. Internal link targets are left out: they are navigation the tool computes, not words a reader relies on.
/// </summary>
public static class PageFingerprint
{
    private static readonly HtmlParser Parser = new();

    public static string Of(RenderedPage page)
    {
        var text = new StringBuilder();
        text.Append(page.Plan.Notice.Title).Append('\n');
        Append(text, page.IntroHtml);
        foreach (var section in page.Sections)
        {
            text.Append("\n## ").Append(section.Heading).Append('\n');
            Append(text, section.Html);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Whether a page's own text differs between two versions; a page present in only one of them differs.</summary>
    public static bool Differs(RenderedPage? old, RenderedPage? @new) =>
        old is null || @new is null || Of(old) != Of(@new);

    private static void Append(StringBuilder text, string html)
    {
        if (html.Length == 0)
        {
            return;
        }

        var document = Parser.ParseDocument("<body>" + html + "</body>");
        var body = document.Body!;
        text.Append(string.Join(' ', body.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        foreach (var href in body.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(IsExternal))
        {
            text.Append("\n-> ").Append(href);
        }

        foreach (var image in body.QuerySelectorAll("img"))
        {
            text.Append("\n[image] ").Append(image.GetAttribute("src")).Append(' ').Append(image.GetAttribute("alt"));
        }
    }

    /// <summary>A link with a scheme, or protocol-relative ("//host/..."), leaves the site: its target is part of the text.</summary>
    private static bool IsExternal(string href) => href.Contains(':', StringComparison.Ordinal) || href.StartsWith("//", StringComparison.Ordinal);
}
