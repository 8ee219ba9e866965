using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace NoticeGen.Check.Output;

/// <summary>
/// Every link, image and stylesheet of every page that points into the site resolves: the file exists, and so does the
/// #anchor on it. Links that leave the site are not fetched; they are listed (<see cref="ExternalLinks"/>) for an
/// external link checker.
/// </summary>
public sealed partial class LinkCheck : IOutputCheck
{
    // Only the page's path is kept, never the page: holding its document would keep every page's DOM alive until the end
    // (half the build's memory, and most of its garbage collection time, at 1,000 pages).
    private readonly ConcurrentBag<(string Page, SourceSpan Where, string Href, string Target, string? Anchor, bool IsImage)> _internal = [];
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _external = new(StringComparer.Ordinal);

    public IReadOnlyList<DiagnosticCode> Codes { get; } = [Check.Codes.BrokenLink, Check.Codes.MissingImage];

    /// <summary>Each http(s) URL the site links to, with the pages that link to it, in a fixed order.</summary>
    public IReadOnlyList<(string Url, IReadOnlyList<string> Pages)> ExternalLinks =>
        _external.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => (e.Key, (IReadOnlyList<string>)e.Value.Keys.Order(StringComparer.Ordinal).ToList()))
            .ToList();

    public void Inspect(OutputPage page, DiagnosticSink sink)
    {
        foreach (var element in page.Elements)
        {
            var isImage = element.Name is "img" or "source";
            var url = element.Name switch
            {
                "a" or "area" or "link" => element.Attribute("href"),
                "img" or "script" or "iframe" or "source" => element.Attribute("src"),
                _ => null,
            };
            var href = url?.Trim() ?? string.Empty;
            if (href.Length == 0)
            {
                continue;
            }

            var scheme = Scheme().Match(href);
            if (scheme.Success || href.StartsWith("//", StringComparison.Ordinal))
            {
                var name = scheme.Success ? scheme.Groups[1].Value.ToLowerInvariant() : "https";
                if (name is "http" or "https")
                {
                    _external.GetOrAdd(href, _ => new(StringComparer.Ordinal)).TryAdd(page.Path, 0);
                }

                continue;
            }

            var hash = href.IndexOf('#');
            var path = hash < 0 ? href : href[..hash];
            var anchor = hash < 0 || hash == href.Length - 1 ? null : Uri.UnescapeDataString(href[(hash + 1)..]);
            var query = path.IndexOf('?');
            path = query < 0 ? path : path[..query];
            var target = path.Length == 0 ? page.Path : Resolve(page.Folder, Uri.UnescapeDataString(path));
            if (target == page.Path)
            {
                // A link within the page (the contents, permalinks, most references) is checked now, against the page's own
                // ids: keeping every such link to the end was most of the memory the link check held.
                if (anchor is not null && !page.Ids.Contains(anchor))
                {
                    ReportMissingAnchor(sink, page.Where(element), href, page.Path, anchor, target);
                }

                continue;
            }

            _internal.Add((page.Path, page.Where(element), href, target ?? string.Empty, anchor, isImage));
        }
    }

    private static void ReportMissingAnchor(DiagnosticSink sink, SourceSpan where, string href, string page, string anchor, string target) =>
        sink.Report(Check.Codes.BrokenLink, where, $"The link '{href}' on {page} leads to #{anchor}, which {target} does not have.",
            "Link to a section or heading that is on that page; [](#id) references are checked as you write them.");

    public void Finish(OutputSite site, DiagnosticSink sink)
    {
        // A link written in a fragment breaks on every page that shows it: it is reported once, at the fragment's line (an
        // image too, which a redline shows as a link to it).
        var fromText = new Dictionary<SourceSpan, (bool IsImage, SortedDictionary<string, string> Targets)>();
        foreach (var (page, where, href, target, anchor, isImage) in _internal)
        {
            if (target.Length == 0 || !site.Files.Contains(target))
            {
                if (site.Sources?.Find(target, href) is { } source)
                {
                    var (wasImage, targets) = fromText.TryGetValue(source, out var seen) ? seen : (false, new SortedDictionary<string, string>(StringComparer.Ordinal));
                    targets[page] = target;
                    fromText[source] = (wasImage || isImage, targets);
                    continue;
                }

                ReportMissing(sink, where, $"The {Kind(isImage)} '{href}' on {page}", target, isImage);
            }
            else if (anchor is not null && site.Ids.TryGetValue(target, out var ids) && !ids.Contains(anchor))
            {
                ReportMissingAnchor(sink, where, href, page, anchor, target);
            }
        }

        foreach (var (where, (isImage, targets)) in fromText)
        {
            // Named from the first page in path order, whatever order the pages were checked in.
            var (first, target) = targets.First();
            var on = targets.Count == 1 ? first : $"{first} and {targets.Count - 1} other page(s)";
            ReportMissing(sink, where, $"This {Kind(isImage)} (on {on})", target, isImage);
        }
    }

    private static string Kind(bool isImage) => isImage ? "image" : "link";

    private static void ReportMissing(DiagnosticSink sink, SourceSpan where, string what, string target, bool isImage)
    {
        var code = isImage ? Check.Codes.MissingImage : Check.Codes.BrokenLink;
        sink.Report(code, where, $"{what} leads to {(target.Length == 0 ? "a place outside the site" : target)}, which the build does not write.",
            isImage
                ? "Put the image under content/assets/ and write its path from the site's root, e.g. ![Logo](assets/logo.png)."
                : "Link to pages with notice: and #section references, and to files under content/assets/ by their path from the site's root.");
    }

    /// <summary>A relative URL read from a folder, as a file path of the output; null when it leaves the output.</summary>
    private static string? Resolve(string folder, string relative)
    {
        var parts = new List<string>(relative.StartsWith('/') ? [] : folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        var segments = relative.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            switch (segments[i])
            {
                case "." or "" when i < segments.Length - 1:
                    continue;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    break;
                case "" or ".":
                    break;
                default:
                    parts.Add(segments[i]);
                    break;
            }
        }

        var path = string.Join('/', parts);
        return relative.EndsWith('/') || relative is "." or ".." || relative.EndsWith("/.", StringComparison.Ordinal) || path.Length == 0
            ? (path.Length == 0 ? string.Empty : path + "/") + "index.html"
            : path;
    }

    [GeneratedRegex("^([a-zA-Z][a-zA-Z0-9+.-]*):")]
    private static partial Regex Scheme();
}
