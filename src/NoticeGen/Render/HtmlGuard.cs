using Ganss.Xss;

namespace NoticeGen.Render;

/// <summary>
/// The last word on HTML a fragment wrote itself: a well-kept sanitizer (HtmlSanitizer) that lets through only the
/// elements, attributes and URL schemes NoticeGen's own Markdown output uses. It runs only on fragments that kept some
/// raw HTML; Markdown alone cannot produce anything it would remove.
/// </summary>
public static class HtmlGuard
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Clean(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "em", "strong", "code", "pre", "blockquote", "hr", "br",
                "a", "img", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub", "abbr", "div", "span",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "alt", "title", "id", "class", "start", "style", "data-ng-ref", "aria-label",
            },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "text-align" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel", "ng" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
        };
        return new HtmlSanitizer(options);
    }
}
