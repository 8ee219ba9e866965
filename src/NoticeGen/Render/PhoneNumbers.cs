using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NoticeGen.Render;

/// <summary>
/// Keeps a phone number on one line: the spaces inside "+1 800 871 5224" become no-break spaces, so a phone screen never
/// shows "+1 800" on one line and "871 5224" on the next. The words stay the same (a no-break space is white space to
/// every reader, search and comparison); a number split by hyphens already stays together.
/// </summary>
public static partial class PhoneNumbers
{
    /// <summary>Fewer digits than this is a count or a reference ("sections 12 13"), not a number to dial.</summary>
    private const int MinDigits = 7;

    /// <summary>More digits than this is no phone number (ITU-T E.164 allows 15).</summary>
    private const int MaxDigits = 15;

    public static void KeepTogether(MarkdownDocument document)
    {
        foreach (var literal in document.Descendants<LiteralInline>())
        {
            var text = literal.Content.ToString();
            if (!text.Contains(' ', StringComparison.Ordinal) || !Number().IsMatch(text))
            {
                continue;
            }

            var joined = Number().Replace(text, m => Digits(m.Value) is >= MinDigits and <= MaxDigits ? m.Value.Replace(' ', '\u00A0') : m.Value);
            if (!string.Equals(joined, text, StringComparison.Ordinal))
            {
                literal.Content = new StringSlice(joined);
            }
        }
    }

    private static int Digits(string text) => text.Count(char.IsAsciiDigit);

    /// <summary>Groups of digits (the first may have a '+' or parentheses) joined by spaces, hyphens or dots, with a space among them.</summary>
    [GeneratedRegex(@"(?<![\w+])(?:\+\d{1,3} ?)?(?:\(\d{1,5}\)|\d{1,5})(?:[ .-]\(?\d{1,5}\)?){1,6}(?!\w)")]
    private static partial Regex Number();
}
