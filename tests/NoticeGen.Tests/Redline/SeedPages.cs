using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using NoticeGen.Redline;

namespace NoticeGen.Tests.Redline;

/// <summary>
/// Real policy text for redline tests: the seed page (Fixtures/seed.txt) as PageText, numbered lines starting a section,
/// "- " lines a list, every other line a paragraph; and seeded edits that change a share of its words.
/// </summary>
internal static partial class SeedPages
{
    public static string SeedText => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seed.txt"));

    /// <summary>The seed's lines from first to last (1-based, inclusive) as a page; the lines before the first section are its intro.</summary>
    public static PageText Page(int first = 1, int last = int.MaxValue)
    {
        var lines = SeedText.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines = lines.Skip(first - 1).Take(Math.Min(last, lines.Count) - first + 1).ToList();
        var intro = new List<string>();
        var sections = new List<(string Heading, List<string> Lines)>();
        foreach (var line in lines.Where(l => l.Trim().Length > 0))
        {
            if (Heading().IsMatch(line))
            {
                sections.Add((line.Trim(), []));
            }
            else
            {
                (sections.Count == 0 ? intro : sections[^1].Lines).Add(line.Trim());
            }
        }

        return new PageText("Seed notice", Html(intro), sections.Select((s, i) => new SectionText($"s{i + 1}", s.Heading, Html(s.Lines))).ToList());
    }

    /// <summary>Markdig-style HTML: paragraphs, and runs of "- " lines as a list.</summary>
    public static string Html(IReadOnlyList<string> lines)
    {
        var html = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith("- ", StringComparison.Ordinal))
            {
                html.Append("<ul>\n");
                for (; i < lines.Count && lines[i].StartsWith("- ", StringComparison.Ordinal); i++)
                {
                    html.Append("<li>").Append(WebUtility.HtmlEncode(lines[i][2..])).Append("</li>\n");
                }

                html.Append("</ul>\n");
                i--;
            }
            else
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(lines[i])).Append("</p>\n");
            }
        }

        return html.ToString();
    }

    /// <summary>The page with about share of its body words replaced by other words of the page, chosen by a seeded generator.</summary>
    public static PageText ChangeWords(PageText page, double share, ulong seed)
    {
        var random = new XorShift(seed);
        var vocabulary = new[] { "information", "data", "services", "partners", "we", "may", "rights", "request", "notice", "personal" };
        string Edit(string html) => Word().Replace(html, m => random.NextDouble() < share ? vocabulary[random.Next(vocabulary.Length)] : m.Value);
        return page with
        {
            IntroHtml = Edit(page.IntroHtml),
            Sections = page.Sections.Select(s => s with { Html = Edit(s.Html) }).ToList(),
        };
    }

    /// <summary>The number of words of a page's sections and intro, tags left out.</summary>
    public static int Words(PageText page) =>
        PlainWord().Matches(Tag().Replace(page.IntroHtml + " " + string.Join(" ", page.Sections.Select(s => s.Heading + " " + s.Html)), " ")).Count;

    [GeneratedRegex(@"^\d+\. \S")]
    private static partial Regex Heading();

    /// <summary>A word of text outside tags (the lookahead keeps to text between "&gt;" and "&lt;").</summary>
    [GeneratedRegex(@"\b[A-Za-z]{2,}\b(?=[^<>]*<)")]
    private static partial Regex Word();

    [GeneratedRegex(@"\b\w+\b")]
    private static partial Regex PlainWord();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}

/// <summary>A small seeded generator (xorshift64*), the same on every machine and runtime.</summary>
internal sealed class XorShift(ulong seed)
{
    private ulong _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

    public ulong NextULong()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 0x2545F4914F6CDD1DUL;
    }

    public int Next(int max) => (int)(NextULong() % (ulong)max);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));
}
