using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace NoticeGen.Output;

/// <summary>
/// A published page's text as tools and consent records see it, and its SHA-256: the notice title, then each section's
/// heading and text, one per line, each with runs of whitespace folded to one space. Anyone can recompute it from the
/// page (the h1, and each section of the article without its heading block) or from its JSON twin.
/// </summary>
public sealed class PageText
{
    private readonly ConcurrentDictionary<string, string> _plain = new(StringComparer.Ordinal);

    /// <summary>The text of a piece of rendered HTML: tags dropped, entities decoded, whitespace folded (kept per distinct HTML).</summary>
    public string Plain(string html) => _plain.GetOrAdd(html, Strip);

    public static string Hash(string title, IEnumerable<(string Heading, string Text)> sections)
    {
        var text = new StringBuilder(Fold(title)).Append('\n');
        foreach (var (heading, body) in sections)
        {
            text.Append(Fold(heading)).Append('\n').Append(body).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static string Fold(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Strip(string html)
    {
        var text = new StringBuilder(html.Length);
        var inTag = false;
        var start = 0;
        for (var i = 0; i < html.Length; i++)
        {
            if (!inTag && html[i] == '<')
            {
                text.Append(WebUtility.HtmlDecode(html[start..i]));
                inTag = true;
            }
            else if (inTag && html[i] == '>')
            {
                inTag = false;
                start = i + 1;
            }
        }

        if (!inTag)
        {
            text.Append(WebUtility.HtmlDecode(html[start..]));
        }

        return Fold(text.ToString());
    }
}
