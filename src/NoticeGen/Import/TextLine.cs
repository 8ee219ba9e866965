using System.Text.RegularExpressions;

namespace NoticeGen.Import;

/// <summary>
/// One non-blank line of a plain-text page and what it could be: a numbered heading or list item ("3. Title"), a dash-led
/// heading, bullet or paragraph ("- ..."), a title line, or text.
/// </summary>
public sealed partial record TextLine(int Number, string Text)
{
    /// <summary>The text after a leading dash or bullet sign, or the whole text.</summary>
    public string Content => Dash().Match(Text) is { Success: true } m ? Text[m.Length..].Trim() : Text;

    public bool Dashed => Dash().IsMatch(Text);

    /// <summary>The number of a "3. Title" line, or null.</summary>
    public int? Ordinal => NumberedLine().Match(Text) is { Success: true } m && WordCount(m.Groups[2].Value) <= 25
        ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
        : null;

    /// <summary>A numbered line's text after its number.</summary>
    public string AfterNumber => NumberedLine().Match(Text) is { Success: true } m ? m.Groups[2].Value.Trim() : Text;

    /// <summary>Short, starts with a capital or digit, and does not end like a sentence or a list lead-in.</summary>
    public bool HeadingLike => LooksLikeHeading(Content, 15);

    /// <summary>A line that can name a notice: heading-like, not dash-led, with a word such as "Privacy", "Notice" or "Policy".</summary>
    public bool NoticeTitleLike => !Dashed && Ordinal is null && LooksLikeHeading(Text, 12) && NoticeWord().IsMatch(Text);

    /// <summary>A short line not dash-led or numbered: a title, a breadcrumb, or an address line.</summary>
    public bool TitleLike => !Dashed && Ordinal is null && LooksLikeHeading(Text, 12);

    /// <summary>A short line with no lowercase letter, not dash-led or numbered, that does not end a sentence: "INFORMATION WE COLLECT".</summary>
    public bool CapitalHeading => !Dashed && Ordinal is null && Text.Count(char.IsUpper) >= 2 && !Text.Any(char.IsLower)
        && WordCount(Text) <= 12 && !".,;!?".Contains(Text[^1], StringComparison.Ordinal);

    public bool EndsWithColon => Text.TrimEnd().EndsWith(':');

    public int Words => WordCount(Content);

    public static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static bool LooksLikeHeading(string text, int maxWords)
    {
        text = text.Trim();
        return text.Length > 0 && WordCount(text) <= maxWords && (char.IsUpper(text[0]) || char.IsDigit(text[0]))
            && text.Any(char.IsLetter) && !".,;:!".Contains(text[^1], StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[-–—•*·]\s+")]
    private static partial Regex Dash();

    [GeneratedRegex(@"^(\d{1,3})[.)]\s+(\S.*)$")]
    private static partial Regex NumberedLine();

    [GeneratedRegex(@"\b(privacy|notices?|polic(y|ies)|statement|terms|cookies?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NoticeWord();
}
