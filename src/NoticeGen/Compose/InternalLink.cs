namespace NoticeGen.Compose;

/// <summary>
/// The canonical, location-independent form of a link to a page of this site, as rendered HTML holds it:
/// "ng:websites/california#contact". Rendered text is the same wherever it is published (current page, dated version,
/// redline, changelog, feed); Output/LinkResolver turns each such href into a URL for the file being written.
/// Editors cannot write this form: the "ng:" scheme is not a safe scheme, so such links become plain text.
/// </summary>
public sealed record InternalLink(PageKey Page, string? Anchor)
{
    public const string Scheme = "ng:";

    /// <summary>
    /// The attribute of a reference shown as its fallback text because its target is not on the page:
    /// &lt;span data-ng-ref="platform/all"&gt;, the target without the scheme (so it is never resolved to a URL).
    /// </summary>
    public const string FallbackAttribute = "data-ng-ref";

    public string Href => Scheme + Page.NoticeId + "/" + Page.AudienceId + (Anchor is null ? string.Empty : "#" + Anchor);

    /// <summary>Reads an href written by <see cref="Href"/>; null for anything else.</summary>
    public static InternalLink? Parse(string href)
    {
        if (!href.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = href.AsSpan(Scheme.Length);
        var hash = rest.IndexOf('#');
        var page = hash < 0 ? rest : rest[..hash];
        var slash = page.IndexOf('/');
        if (slash <= 0 || slash == page.Length - 1)
        {
            return null;
        }

        var anchor = hash < 0 ? null : rest[(hash + 1)..].ToString();
        return new InternalLink(new PageKey(page[..slash].ToString(), page[(slash + 1)..].ToString()), anchor);
    }
}
