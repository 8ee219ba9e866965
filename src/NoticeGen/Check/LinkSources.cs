using System.Text.RegularExpressions;
using NoticeGen.Compose;
using NoticeGen.Load;

namespace NoticeGen.Check;

/// <summary>
/// Where the site's text writes each link to a path of the site ("assets/logo.png", "faq/"), so that a link the output
/// checks find broken on the built pages is reported at the fragment line an editor can correct, once, rather than on
/// every built page that shows it (pages that, the build having failed, are never written).
/// </summary>
public sealed partial class LinkSources
{
    private readonly Dictionary<string, SourceSpan> _byTarget = new(StringComparer.Ordinal);

    /// <summary>The links of <paramref name="fragments"/>, the first place each path is written winning.</summary>
    public LinkSources(IEnumerable<Fragment> fragments)
    {
        foreach (var fragment in fragments)
        {
            foreach (Match match in MarkdownLink().Matches(fragment.Template))
            {
                var url = match.Groups["url"].Value;
                if (Scheme().IsMatch(url) || url.StartsWith('#') || url.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                var where = SourceSpan.At(fragment.File, fragment.Template, match.Groups["url"].Index);
                _byTarget.TryAdd(url, where);
                var cut = url.IndexOfAny(['#', '?']);
                if (InternalLink.SitePath(cut < 0 ? url : url[..cut]) is { } path)
                {
                    _byTarget.TryAdd(path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path, where);
                }
            }
        }
    }

    /// <summary>Where the text links to <paramref name="target"/> (a file of the output), or writes <paramref name="href"/> as it stands.</summary>
    public SourceSpan? Find(string target, string href) =>
        _byTarget.TryGetValue(target, out var where) || _byTarget.TryGetValue(href, out where) ? where : null;

    [GeneratedRegex(@"\]\(\s*<?(?<url>[^)\s>]+)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();
}
