using System.Globalization;
using System.Text;
using NoticeGen.Load;

namespace NoticeGen.Import;

/// <summary>
/// Ids from headings: lowercase ASCII words joined by hyphens, without little words ("the", "of", "your"), at most five
/// four words, so "What categories of Personal Information we collect?" becomes <c>categories-personal-information-collect</c>.
/// </summary>
public static class Slugs
{
    private const int MaxWords = 4;

    private static readonly HashSet<string> Little =
    [
        "a", "an", "the", "of", "and", "or", "to", "for", "in", "on", "at", "by", "with", "about", "this", "that", "these", "those",
        "our", "your", "we", "you", "us", "is", "are", "do", "does", "how", "what", "when", "where", "which", "who", "why", "under",
        "from", "as", "be", "it", "its", "can", "may", "will", "if", "into", "other", "such", "any", "all",
    ];

    /// <summary>
    /// Latin letters with accents as their ASCII letters. The build runs with invariant globalization, where Normalize
    /// leaves "ä" whole, so without this "Datenschutzerklärung" gave the id <c>datenschutzerkl-rung</c>.
    /// </summary>
    private static readonly Dictionary<char, string> Folded = new[]
    {
        ("a", "àáâãäåāăą"), ("c", "çćĉċč"), ("d", "ďđð"), ("e", "èéêëēĕėęě"), ("g", "ĝğġģ"), ("h", "ĥħ"), ("i", "ìíîïĩīĭįı"),
        ("j", "ĵ"), ("k", "ķ"), ("l", "ĺļľŀł"), ("n", "ñńņň"), ("o", "òóôõöøōŏő"), ("r", "ŕŗř"), ("s", "śŝşšș"), ("t", "ţťŧț"),
        ("u", "ùúûüũūŭůűų"), ("w", "ŵ"), ("y", "ýÿŷ"), ("z", "źżž"), ("ss", "ß"), ("ae", "æ"), ("oe", "œ"), ("th", "þ"),
    }.SelectMany(p => p.Item2.Select(c => (c, p.Item1))).ToDictionary(p => p.c, p => p.Item2);

    /// <summary>Words that name the kind of document, not which one: left out of notice ids.</summary>
    private static readonly HashSet<string> DocumentWords = ["privacy", "notice", "notices", "policy", "policies", "statement"];

    /// <param name="title">The heading or notice title.</param>
    /// <param name="notice">For a notice id: without "privacy", "notice", "policy" and the words of <paramref name="siteTitle"/>
    /// (the organisation's name), so "Privacy Notice for the Kaltura Websites" on "Kaltura Privacy Notices" is <c>websites</c>.</param>
    /// <param name="siteTitle">The site's title, for a notice id.</param>
    public static string FromTitle(string title, bool notice = false, string? siteTitle = null)
    {
        var words = Words(title).ToList();
        var site = siteTitle is null ? [] : Words(siteTitle).ToHashSet(StringComparer.Ordinal);
        // Drop the kind of document and the organisation's name while something is left: "Acme Privacy Policy" on the
        // site "Acme" is privacy-policy, but "Privacy Notice for the Acme Websites" is websites.
        Func<string, bool>[] filters = notice
            ? [w => !Little.Contains(w) && !DocumentWords.Contains(w) && !site.Contains(w), w => !Little.Contains(w) && !site.Contains(w),
               w => !Little.Contains(w) && !DocumentWords.Contains(w), w => !Little.Contains(w), _ => true]
            : [w => !Little.Contains(w), _ => true];
        List<string> kept = [];
        foreach (var filter in filters)
        {
            kept = words.Where(filter).Distinct().Take(MaxWords).ToList();
            if (kept.Count > 0)
            {
                break;
            }
        }

        var slug = string.Join('-', kept);
        if (slug.Length == 0)
        {
            return notice ? "notice" : "section";
        }

        return char.IsAsciiLetterLower(slug[0]) ? Trim(slug) : Trim((notice ? "notice-" : "section-") + slug);
    }

    /// <summary>The source's own anchor, when it is already a good id (kept, so old links to #cookies still work).</summary>
    public static bool IsGoodAnchor(string anchor) => Ids.IsId(anchor) && !anchor.StartsWith("ng-", StringComparison.Ordinal) && anchor.Length <= 60;

    /// <summary>An id not yet taken: the wanted one, else with -2, -3 ...</summary>
    public static string Unique(string wanted, ISet<string> taken)
    {
        var id = wanted;
        for (var n = 2; taken.Contains(id); n++)
        {
            id = Trim(wanted) + "-" + n.ToString(CultureInfo.InvariantCulture);
        }

        taken.Add(id);
        return id;
    }

    private static string Trim(string slug) => slug.Length <= 70 ? slug : slug[..70].TrimEnd('-');

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (Folded.TryGetValue(char.ToLowerInvariant(c), out var ascii))
            {
                word.Append(ascii);
            }
            else if (c is '’' or '\'')
            {
                // "Kaltura’s" is one word.
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
