namespace NoticeGen.Check.Output;

/// <summary>
/// No URL in a built page runs code or smuggles content: javascript:, vbscript: and data: are found however they are
/// written (entities, mixed case, tabs, newlines or control characters inside the scheme, which browsers ignore), and
/// so are event-handler attributes.
/// </summary>
public sealed class UnsafeUrlCheck : IOutputCheck
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite"];
    private static readonly string[] UnsafeSchemes = ["javascript:", "vbscript:", "data:"];

    public IReadOnlyList<DiagnosticCode> Codes { get; } = [Check.Codes.UnsafeUrl];

    public void Inspect(OutputPage page, DiagnosticSink sink)
    {
        foreach (var element in page.Elements)
        {
            foreach (var (name, value) in element.Attributes)
            {
                if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    sink.Report(Check.Codes.UnsafeUrl, page.Where(element), $"The <{element.Name}> on {page.Path} has an event handler ({name}), which runs code.",
                        "Remove it from the page template; pages work without JavaScript.");
                }
                else if (UrlAttributes.Contains(name, StringComparer.OrdinalIgnoreCase) && IsUnsafe(value))
                {
                    sink.Report(Check.Codes.UnsafeUrl, page.Where(element), $"The {name} of a <{element.Name}> on {page.Path} is an unsafe URL ('{Shorten(value)}').",
                        "Remove it: only http:, https:, mailto: and tel: links, and paths of the site, are published.");
                }
            }
        }
    }

    public void Finish(OutputSite site, DiagnosticSink sink)
    {
    }

    /// <summary>Whether a URL, as a browser reads it (whitespace and control characters dropped, case ignored), has an unsafe scheme.</summary>
    public static bool IsUnsafe(string url)
    {
        var scheme = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).Take(16).ToArray()).ToLowerInvariant();
        return UnsafeSchemes.Any(s => scheme.StartsWith(s, StringComparison.Ordinal));
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..37] + "..." : value;
}
