using System.Text;
using System.Text.RegularExpressions;
using NoticeGen.Load;

namespace NoticeGen.Compose;

/// <summary>A heading inside a section, as a page links to it: its section, the id the editor wrote or its text gave, the id it has on the page, and its text.</summary>
public sealed record PageAnchor(string Section, string RawId, string Id, string Text);

/// <summary>
/// Anchors for the headings inside fragments: an explicit "{#id}" at the end of the heading, else an id made from its
/// text ("Usage Information" -> usage-information). On a page, an id already taken (by a section, a page part or an
/// earlier heading) becomes "section-id-heading-id", so every anchor of a page is unique and stable.
/// </summary>
public static partial class HeadingAnchors
{
    /// <summary>The intro's headings belong to no section; their anchors are qualified with this.</summary>
    public const string IntroSection = "intro";

    /// <summary>The id a heading asks for: its explicit {#id}, else one made from its text.</summary>
    public static string RawId(string text, out string visibleText)
    {
        var match = ExplicitId().Match(text);
        visibleText = match.Success ? text[..match.Index].TrimEnd() : text.Trim();
        return match.Success ? match.Groups[1].Value : Slug(visibleText);
    }

    /// <summary>An id from heading text: lowercase letters and digits of any script, words joined by hyphens.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if ((char.IsWhiteSpace(c) || c is '-' or '_' or '/') && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var id = slug.ToString().Trim('-');
        return id.Length == 0 ? "heading" : id;
    }

    /// <summary>The headings a fragment's text holds (with what it includes), in order, template code left out.</summary>
    public static IReadOnlyList<(string RawId, string Text)> Scan(Fragment fragment, ContentSet content)
    {
        var found = new List<(string, string)>();
        Scan(fragment, content, found, []);
        return found;
    }

    private static void Scan(Fragment fragment, ContentSet content, List<(string, string)> found, HashSet<string> seen)
    {
        if (!seen.Add(fragment.Id))
        {
            return;
        }

        var body = fragment.IsTemplate ? TemplateCode().Replace(fragment.Template, string.Empty) : fragment.Template;
        var fenced = false;
        string? previous = null;
        foreach (var line in body.Split('\n'))
        {
            if (Fence().IsMatch(line))
            {
                fenced = !fenced;
            }
            else if (!fenced && Atx().Match(line) is { Success: true } atx)
            {
                found.Add((RawId(atx.Groups[1].Value, out var text), text));
            }
            else if (!fenced && previous is { Length: > 0 } && SetextUnderline().IsMatch(line) && !previous.TrimStart().StartsWith('-') && !previous.TrimStart().StartsWith('>'))
            {
                found.Add((RawId(previous, out var text), text));
            }

            previous = line.Trim().Length == 0 ? null : line;
        }

        foreach (var include in TemplateCalls.Includes(fragment.Code))
        {
            if (content.Find(include.Value) is { } included)
            {
                Scan(included, content, found, seen);
            }
        }
    }

    /// <summary>The anchors of a page's headings, in page order, each id unique on the page.</summary>
    /// <remarks><paramref name="headings"/> gives a fragment's headings (<see cref="Scan"/>): a planner scans each fragment once, not once per page.</remarks>
    public static IReadOnlyList<PageAnchor> ForPage(Fragment? intro, IReadOnlyList<PlannedSection> sections, Func<Fragment, IReadOnlyList<(string RawId, string Text)>> headings)
    {
        var taken = new HashSet<string>(sections.Select(s => s.Id), StringComparer.Ordinal);
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var anchors = new List<PageAnchor>();
        var parts = (intro is null ? [] : new[] { (Section: IntroSection, Fragment: intro) })
            .Concat(sections.Select(s => (Section: s.Id, s.Fragment)));
        foreach (var (section, fragment) in parts)
        {
            foreach (var (raw, text) in headings(fragment))
            {
                anchors.Add(new PageAnchor(section, raw, Unique(raw, section, taken, counters), text));
            }
        }

        return anchors;
    }

    /// <summary>
    /// The id a heading gets on a page: its own when free, else qualified with its section, numbered if need be.
    /// <paramref name="counters"/> remembers the next number of each qualified id, so that thousands of headings of the
    /// same name are numbered in one pass each instead of counting up from 2 every time.
    /// </summary>
    public static string Unique(string raw, string section, HashSet<string> taken, Dictionary<string, int> counters)
    {
        var id = raw.StartsWith("ng-", StringComparison.Ordinal) || taken.Contains(raw) ? $"{section}-{raw}" : raw;
        if (taken.Contains(id))
        {
            var stem = id;
            var n = counters.GetValueOrDefault(stem, 2);
            do
            {
                id = $"{stem}-{n++}";
            }
            while (taken.Contains(id));
            counters[stem] = n;
        }

        taken.Add(id);
        return id;
    }

    [GeneratedRegex(@"\s*\{#([A-Za-z][\w.:-]*)\}\s*$")]
    private static partial Regex ExplicitId();

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$")]
    private static partial Regex Atx();

    [GeneratedRegex(@"^ {0,3}(=+|-{2,})[ \t]*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^ {0,3}(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex TemplateCode();
}
