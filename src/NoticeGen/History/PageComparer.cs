using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using NoticeGen.Compose;
using NoticeGen.Load;
using NoticeGen.Render;

namespace NoticeGen.History;

/// <summary>
/// The one test of "this page's text changed", shared by the "last updated" stamps, the draft banner and `noticegen diff`.
/// A page's text is its title, section headings and rendered HTML with runs of whitespace folded: its words, the
/// formatting and structure of the text, the images, and every link target the editor wrote (links to other pages of
/// the site are in their canonical form, so they compare equal wherever a version is published).
/// </summary>
public static class PageComparer
{
    public static string Fingerprint(RenderedPage page) => new PageFingerprints().Of(page);

    /// <summary>Whether a page's own text differs between two versions; a page present in only one of them differs.</summary>
    public static bool Differs(RenderedPage? old, RenderedPage? @new) =>
        old is null || @new is null || Fingerprint(old) != Fingerprint(@new);

    /// <summary>
    /// A reference shown as fallback text where its target is absent is compared as the link it is where the target
    /// exists: the editor's text and target are the same, whether another page happens to be published is not.
    /// </summary>
    public static string Canonical(string html)
    {
        const string open = "<span " + InternalLink.FallbackAttribute + "=\"";
        var at = html.IndexOf(open, StringComparison.Ordinal);
        if (at < 0)
        {
            return html;
        }

        var result = new StringBuilder(html.Length);
        var done = 0;
        while (at >= 0)
        {
            var close = html.IndexOf("</span>", at, StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            result.Append(html, done, at - done).Append("<a href=\"").Append(InternalLink.Scheme)
                .Append(html, at + open.Length, close - at - open.Length).Append("</a>");
            done = close + "</span>".Length;
            at = html.IndexOf(open, done, StringComparison.Ordinal);
        }

        return result.Append(html, done, html.Length - done).ToString();
    }

    /// <summary>The SHA-256 of the text with each run of whitespace folded to one space, and its ends trimmed.</summary>
    internal static byte[] Digest(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(Whitespace.Fold(text)));
}

/// <summary>
/// Fingerprints pages (see <see cref="PageComparer"/>), hashing each distinct text once: a section shown on every
/// audience page and left unchanged by most releases is one string (the build shares equal texts), so a history of 200
/// releases hashes the sections that changed, not 4,000 pages again and again.
/// </summary>
public sealed class PageFingerprints
{
    private readonly ConcurrentDictionary<string, byte[]> _digests = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<(string Id, string Heading), byte[]> _headings = new();

    /// <summary>A hash of the page's text: equal for two pages exactly when their title, headings and folded HTML are equal.</summary>
    public string Of(RenderedPage page)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Shared(page.Plan.Notice.Title));
        hash.AppendData(Shared(PageComparer.Canonical(page.IntroHtml)));
        foreach (var section in page.Sections)
        {
            // Each section heading is hashed once, not once for every page and version that shows it.
            hash.AppendData(_headings.GetOrAdd((section.Id, section.Heading), h => PageComparer.Digest("\u0001" + h.Id + "\u0001" + h.Heading)));
            hash.AppendData(Shared(PageComparer.Canonical(section.Html)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private byte[] Shared(string text) => _digests.GetOrAdd(text, PageComparer.Digest);
}
