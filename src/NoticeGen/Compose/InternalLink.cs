namespace NoticeGen.Compose;

/// <summary>
/// The canonical, location-independent form of a link within the site, as rendered HTML holds it: to a page
/// ("ng:websites/california#contact") or to a file of the site ("ng:/assets/logo.png"). Rendered text is the same
/// wherever it is published (current page, dated version, redline, changelog, feed); Output/LinkResolver turns each
/// such href into a URL for the file being written. Editors cannot write this form: "ng:" is not a safe scheme, so
/// such links become plain text.
/// </summary>
public sealed record InternalLink(PageKey? Page, string? Anchor, string? FilePath = null)
{
    public const string Scheme = "ng:";

    /// <summary>
    /// The attribute of a reference shown as its fallback text because its target is not on the page:
    /// &lt;span data-ng-ref="platform/all"&gt;, the target without the scheme (so it is never resolved to a URL).
    /// </summary>
    public const string FallbackAttribute = "data-ng-ref";

    /// <summary>A link to a file of the site by its path from the site's root, e.g. "assets/logo.png".</summary>
    public static InternalLink ToFile(string path, string? anchor) => new(null, anchor, path);

    public string Href => Scheme
        + (FilePath is not null ? "/" + FilePath : Page!.NoticeId + "/" + Page.AudienceId)
        + (Anchor is null ? string.Empty : "#" + Anchor);

    /// <summary>Reads an href written by <see cref="Href"/>; null for anything else.</summary>
    public static InternalLink? Parse(string href)
    {
        if (!href.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = href.AsSpan(Scheme.Length);
        var hash = rest.IndexOf('#');
        var target = hash < 0 ? rest : rest[..hash];
        var anchor = hash < 0 ? null : rest[(hash + 1)..].ToString();
        if (target.StartsWith("/"))
        {
            return ToFile(target[1..].ToString(), anchor);
        }

        var slash = target.IndexOf('/');
        return slash <= 0 || slash == target.Length - 1
            ? null
            : new InternalLink(new PageKey(target[..slash].ToString(), target[(slash + 1)..].ToString()), anchor);
    }

    /// <summary>
    /// A path an editor wrote ("assets/logo.png", "/assets/logo.png", "./x/../y.pdf") as a path from the site's root;
    /// null when it climbs out of the site, so it is left as written for the output checks to report.
    /// </summary>
    public static string? SitePath(string written)
    {
        var parts = new List<string>();
        foreach (var segment in written.TrimStart('/').Split('/'))
        {
            if (segment is "." or "")
            {
                continue;
            }

            if (segment == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(segment);
        }

        return string.Join('/', parts) + (written.EndsWith('/') && parts.Count > 0 ? "/" : string.Empty);
    }
}
