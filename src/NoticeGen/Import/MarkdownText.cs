using System.Text;
using System.Text.RegularExpressions;

namespace NoticeGen.Import;

/// <summary>
/// Writes text as Markdown that reads back as the same text: characters Markdown would take for syntax are escaped, and web
/// and e-mail addresses become autolinks (&lt;https://...&gt;), so that they keep their exact target.
/// </summary>
public static partial class MarkdownText
{
    /// <summary>Text inside a line (not at its start).</summary>
    public static string Inline(string text, bool inTable = false)
    {
        var result = new StringBuilder(text.Length + 8);
        var position = 0;
        foreach (Match address in Address().Matches(text))
        {
            EscapeRun(text, position, address.Index, result, inTable);
            // <https://...> and <a@b.example> end exactly where the address ends; a bare address would be read on into
            // whatever follows it, escapes included. A "www." address has no scheme, so it stays bare.
            var bare = address.Value.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
            result.Append(bare ? address.Value : "<" + address.Value + ">");
            position = address.Index + address.Length;
        }

        EscapeRun(text, position, text.Length, result, inTable);
        return result.ToString();
    }

    /// <summary>
    /// Escapes what would make a line something else: a heading (#), a list item (-, +, 1.), a quote (&gt;), a setext
    /// underline (=); applied to each line of an already escaped block.
    /// </summary>
    public static string LineStarts(string markdown) =>
        string.Join('\n', markdown.Split('\n').Select(line =>
        {
            var trimmed = line.TrimStart();
            var indent = line[..(line.Length - trimmed.Length)];
            if (trimmed.Length == 0)
            {
                return line;
            }

            if (trimmed[0] is '#' or '-' or '+' or '=' or '>' || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                return indent + "\\" + trimmed;
            }

            var number = OrderedMarker().Match(trimmed);
            return number.Success ? indent + number.Groups[1].Value + "\\" + trimmed[number.Groups[1].Length..] : line;
        }));

    /// <summary>A paragraph: inline text with its line starts made safe.</summary>
    public static string Paragraph(string text) => LineStarts(Inline(text));

    /// <summary>Whether Markdown holds template code (Scriban's, or Liquid's left in from a Jekyll or Hugo site).</summary>
    /// <summary>
    /// Digits in &lt;sup&gt; or &lt;sub&gt; (a footnote mark, "CO2") as the Unicode superscript or subscript digits, or null
    /// when the text is not all digits. Markdown has no superscript, and dropping the tags glues the mark to the word
    /// before it ("opted in1").
    /// </summary>
    public static string? ScriptDigits(string text, bool superscript)
    {
        var digits = text.Trim();
        if (digits.Length == 0 || digits.Length > 4 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var glyphs = superscript ? "⁰¹²³⁴⁵⁶⁷⁸⁹" : "₀₁₂₃₄₅₆₇₈₉";
        return string.Concat(digits.Select(d => glyphs[d - '0']));
    }

    public static bool HasTemplateCode(string markdown) =>
        markdown.Contains("{{", StringComparison.Ordinal) || markdown.Contains("{%", StringComparison.Ordinal);

    private static void EscapeRun(string text, int start, int end, StringBuilder result, bool inTable)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or '`' or '*' or '[' or ']' or '<':
                    result.Append('\\').Append(c);
                    break;
                case '|' when inTable:
                    result.Append("\\|");
                    break;
                case '_' when !(i > start && char.IsLetterOrDigit(text[i - 1]) && i + 1 < end && char.IsLetterOrDigit(text[i + 1])):
                    // Inside a word an underscore never starts emphasis (snake_case, index_en.htm); elsewhere it might, and so
                    // might one at the edge of the run, where the output has an address's < or > beside it, not a letter.
                    result.Append("\\_");
                    break;
                case '&' when Entity().IsMatch(text.AsSpan(i + 1, Math.Min(12, text.Length - i - 1))):
                    result.Append("\\&");
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }
    }

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""]*[^\s<>"".,;:!?)\]”’]|[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![A-Za-z0-9])")]
    private static partial Regex Address();

    [GeneratedRegex(@"^#?[A-Za-z0-9]{1,10};")]
    private static partial Regex Entity();

    [GeneratedRegex(@"^(\d{1,9})[.)](\s|$)")]
    private static partial Regex OrderedMarker();
}
