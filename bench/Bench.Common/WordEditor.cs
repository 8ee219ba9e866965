using System.Text;

namespace NoticeGen.Bench;

/// <summary>
/// Edits text the way a legal editor's small revision does: a share of its plain words replaced by other words. Only tokens
/// made of ASCII letters alone are touched, so Markdown syntax, links, references and template expressions stay intact.
/// </summary>
public static class WordEditor
{
    /// <summary>
    /// Replaces <paramref name="percent"/> % of the editable words (at least one, when there is one) with other words from
    /// <paramref name="vocabulary"/>, keeping an initial capital. Returns the text unchanged when it has no editable word.
    /// </summary>
    public static string ChangeWords(string text, double percent, Pcg32 rng, IReadOnlyList<string> vocabulary)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        var spans = EditableWords(text);
        if (spans.Count == 0)
        {
            return text;
        }

        var count = Math.Clamp((int)Math.Round(spans.Count * percent / 100.0), 1, spans.Count);
        var chosen = new SortedSet<int>();
        while (chosen.Count < count)
        {
            chosen.Add(rng.Next(spans.Count));
        }

        var result = new StringBuilder(text.Length + 16);
        var at = 0;
        foreach (var index in chosen)
        {
            var (start, length) = spans[index];
            var original = text.Substring(start, length);
            result.Append(text, at, start - at).Append(Replacement(original, rng, vocabulary));
            at = start + length;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Start and length of each whitespace-separated token that is a word of ASCII letters, three or more.</summary>
    public static IReadOnlyList<(int Start, int Length)> EditableWords(string text)
    {
        var spans = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            // A trailing comma or full stop is punctuation, not part of the word.
            var end = i;
            while (end > start && text[end - 1] is '.' or ',' or ';' or ':')
            {
                end--;
            }

            if (end - start >= 3 && text.AsSpan(start, end - start).ContainsAnyExcept(Letters) is false)
            {
                spans.Add((start, end - start));
            }
        }

        return spans;
    }

    private static readonly System.Buffers.SearchValues<char> Letters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static string Replacement(string original, Pcg32 rng, IReadOnlyList<string> vocabulary)
    {
        string word;
        do
        {
            word = rng.Pick(vocabulary);
        }
        while (string.Equals(word, original, StringComparison.OrdinalIgnoreCase));

        return char.IsUpper(original[0]) ? char.ToUpperInvariant(word[0]) + word[1..] : word;
    }
}
