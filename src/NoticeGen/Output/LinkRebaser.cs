using System.Net;
using System.Text.RegularExpressions;
using NoticeGen.Compose;

namespace NoticeGen.Output;

/// <summary>
/// Moves HTML rendered for one place in the site to another: relative links are re-aimed at the same targets, and
/// in-page links (#section) at the page that holds those sections. Used for redline passages quoted in changelogs,
/// feeds and the standalone diff report.
/// </summary>
public static partial class LinkRebaser
{
    private static readonly Uri Site = new("http://site.invalid/");

    /// <param name="html">The HTML, as rendered for <paramref name="renderedAt"/> (a folder, ending in '/').</param>
    /// <param name="renderedAt">The folder the HTML's relative links were computed from.</param>
    /// <param name="anchorsOn">The folder of the page whose sections '#id' links mean; null keeps them as they are.</param>
    /// <param name="placedAt">The folder the HTML now stands in.</param>
    /// <param name="baseUrl">When given, links become absolute under it (for feeds and attachments).</param>
    public static string Rebase(string html, string renderedAt, string? anchorsOn, string placedAt, string? baseUrl = null)
    {
        return Href().Replace(html, match =>
        {
            var href = WebUtility.HtmlDecode(match.Groups["url"].Value);
            if (Scheme().IsMatch(href) || (href.StartsWith('#') && anchorsOn is null))
            {
                return match.Value;
            }

            var target = href.StartsWith('#') ? anchorsOn + href : SitePath(renderedAt, href);
            var hash = target.IndexOf('#');
            var (path, fragment) = hash < 0 ? (target, string.Empty) : (target[..hash], target[hash..]);
            var rebased = baseUrl is { Length: > 0 }
                ? baseUrl.TrimEnd('/') + "/" + path + fragment
                : PagePaths.Relative(placedAt, path) + fragment;
            return $"href=\"{WebUtility.HtmlEncode(rebased)}\"";
        });
    }

    /// <summary>A relative link resolved to a path from the site's root, e.g. "platform/california/#contact".</summary>
    private static string SitePath(string folder, string href)
    {
        var resolved = new Uri(new Uri(Site, folder), href);
        return Uri.UnescapeDataString(resolved.AbsolutePath.TrimStart('/')) + resolved.Fragment;
    }

    [GeneratedRegex("href=\"(?<url>[^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();
}
