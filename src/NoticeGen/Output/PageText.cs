using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using NoticeGen.Load;

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
        // Hashed piece by piece: the page's text is never built as one string (at 10,000 pages that was a fifth of the
        // build's garbage), and its lines are encoded into a buffer from the shared pool (a fresh one per page, grown for
        // long sections, was 12 MB of a 1k build's garbage).
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            Append(sha, Fold(title), ref buffer);
            foreach (var (heading, body) in sections)
            {
                Append(sha, Fold(heading), ref buffer);
                Append(sha, body, ref buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Adds a line (its text and '\n') to the hash, trading the pooled buffer for a larger one when it is short.</summary>
    private static void Append(IncrementalHash sha, string line, ref byte[] buffer)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(line.Length) + 1;
        if (buffer.Length < needed)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = ArrayPool<byte>.Shared.Rent(needed);
        }

        var length = Encoding.UTF8.GetBytes(line, buffer);
        buffer[length] = (byte)'\n';
        sha.AppendData(buffer, 0, length + 1);
    }

    public static string Fold(string text) => Whitespace.Fold(text);

    private static string Strip(string html)
    {
        // Tags dropped, entities decoded and whitespace folded in one pass: the same text as decoding every run between
        // tags and folding the whole, without a string for each run.
        var text = new StringBuilder(html.Length);
        var space = false;
        var start = 0;
        var inTag = false;
        for (var i = 0; i <= html.Length; i++)
        {
            if (i == html.Length ? !inTag : !inTag && html[i] == '<')
            {
                var run = html.AsSpan(start, i - start);
                Whitespace.AppendFolded(text, run.Contains('&') ? WebUtility.HtmlDecode(run.ToString()) : run, ref space);
                inTag = true;
            }
            else if (i < html.Length && inTag && html[i] == '>')
            {
                inTag = false;
                start = i + 1;
            }
        }

        return text.ToString();
    }
}
