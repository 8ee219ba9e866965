using System.Net;
using System.Text;
using NoticeGen.Compose;

namespace NoticeGen.Output;

/// <summary>
/// Where the links of rendered text point from one output file: the folder it is written to, the page whose text it is
/// (links to that page's anchors stay in-page where the file holds them), and which version of each page to link to.
/// </summary>
/// <param name="From">The folder of the file being written ("" for the root, else ending in '/').</param>
/// <param name="Host">The page whose text this is; null for text that belongs to no page (the index intro).</param>
/// <param name="TargetFolder">The folder of the version of a page that links go to.</param>
/// <param name="IsLocalAnchor">Whether an anchor of the host page is present in this file.</param>
/// <param name="AnchorPrefix">Put before in-page anchors, for files that hold several pages' text under prefixed ids.</param>
/// <param name="BaseUrl">When set, links are absolute under it (feeds, standalone reports).</param>
/// <param name="LastUpdated">The host page's last-updated date for {{ page.last_updated }}; null where it has none (a draft).</param>
public sealed record LinkContext(
    string From,
    PageKey? Host,
    Func<PageKey, string> TargetFolder,
    Func<string, bool> IsLocalAnchor,
    string AnchorPrefix = "",
    string? BaseUrl = null,
    DateOnly? LastUpdated = null);

/// <summary>
/// Turns the canonical links of rendered text ("ng:notice/audience#anchor") into URLs for one output file. Rendering
/// records exactly where these links are, so this is a scan for their marker, never a parse or rewrite of other HTML.
/// </summary>
public static class LinkResolver
{
    private const string Marker = "=\"" + InternalLink.Scheme;

    /// <summary>Where a redline names a link's old or new target as text (Redline/RedlineHtml): shown as a path of the site.</summary>
    private const string TargetText = "<span class=\"redline-target\">" + InternalLink.Scheme;

    public static string Resolve(string html, LinkContext context)
    {
        if (html.Contains(Placeholders.LastUpdated, StringComparison.Ordinal))
        {
            html = html.Replace(Placeholders.LastUpdated,
                context.LastUpdated is { } date ? Load.Dates.Long(date) : "(not yet released)", StringComparison.Ordinal);
        }

        if (html.Contains(TargetText, StringComparison.Ordinal))
        {
            html = ReadableTargets(html, context);
        }

        var at = html.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return html;
        }

        var result = new StringBuilder(html.Length + 64);
        var done = 0;
        while (at >= 0)
        {
            var start = at + 2;
            var end = html.IndexOf('"', start);
            if (end < 0)
            {
                break;
            }

            var href = WebUtility.HtmlDecode(html[start..end]);
            result.Append(html, done, start - done);
            result.Append(InternalLink.Parse(href) is { } link ? WebUtility.HtmlEncode(Url(link, context)) : html[start..end]);
            done = end;
            at = html.IndexOf(Marker, end, StringComparison.Ordinal);
        }

        return result.Append(html, done, html.Length - done).ToString();
    }

    /// <summary>A canonical target a redline shows as text ("ng:platform/all#contact"), as readers know it: "/platform/#contact".</summary>
    private static string ReadableTargets(string html, LinkContext context)
    {
        var result = new StringBuilder(html.Length);
        var done = 0;
        for (var at = html.IndexOf(TargetText, StringComparison.Ordinal); at >= 0; at = html.IndexOf(TargetText, done, StringComparison.Ordinal))
        {
            var start = at + TargetText.Length - InternalLink.Scheme.Length;
            var end = html.IndexOf("</span>", start, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            result.Append(html, done, start - done);
            var written = WebUtility.HtmlDecode(html[start..end]);
            var link = InternalLink.Parse(written);
            var label = link is null ? written
                : link.FilePath is { } file ? "/" + file
                : "/" + context.TargetFolder(link.Page!);
            result.Append(WebUtility.HtmlEncode(link?.Anchor is { } anchor ? label + "#" + anchor : label));
            done = end;
        }

        return result.Append(html, done, html.Length - done).ToString();
    }

    /// <summary>The URL of one canonical link from the file described by <paramref name="context"/>.</summary>
    public static string Url(InternalLink link, LinkContext context)
    {
        if (link.FilePath is { } file)
        {
            var suffix = link.Anchor is null ? string.Empty : "#" + link.Anchor;
            return (context.BaseUrl is { Length: > 0 } root ? SiteLayout.Absolute(root, file) : SiteLayout.Relative(context.From, file)) + suffix;
        }

        var folder = context.TargetFolder(link.Page!);
        var fragment = link.Anchor is null ? string.Empty : "#" + link.Anchor;
        if (link.Page == context.Host && (link.Anchor is null ? context.From == folder && context.BaseUrl is null : context.IsLocalAnchor(link.Anchor)))
        {
            return link.Anchor is null ? "#" : "#" + context.AnchorPrefix + link.Anchor;
        }

        return context.BaseUrl is { Length: > 0 } baseUrl
            ? SiteLayout.Absolute(baseUrl, folder) + fragment
            : SiteLayout.Relative(context.From, folder) + fragment;
    }
}
