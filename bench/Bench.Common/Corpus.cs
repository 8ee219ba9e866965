using System.Text.RegularExpressions;

namespace NoticeGen.Bench;

/// <summary>
/// The sample site's wording as raw material: its Markdown blocks (paragraphs and lists, without template lines or
/// references to the sample's own sections), its section titles and its words.
/// </summary>
public sealed partial record Corpus(IReadOnlyList<string> Blocks, IReadOnlyList<string> Titles, IReadOnlyList<string> Words)
{
    /// <summary>Reads every fragment under <paramref name="fragmentsDir"/>, in ordinal path order so the corpus is the same everywhere.</summary>
    public static Corpus Load(string fragmentsDir)
    {
        if (!Directory.Exists(fragmentsDir))
        {
            throw new DirectoryNotFoundException($"The corpus folder {fragmentsDir} does not exist; pass the repository's content/fragments.");
        }

        var files = Directory.EnumerateFiles(fragmentsDir, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var blocks = new List<string>();
        var titles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var (title, body) = Split(File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal));
            if (title is not null)
            {
                titles.Add(title);
            }

            blocks.AddRange(BlocksOf(body));
        }

        if (blocks.Count == 0 || titles.Count == 0)
        {
            throw new InvalidDataException($"No usable paragraphs or titles under {fragmentsDir}.");
        }

        var words = blocks.SelectMany(b => WordPattern().Matches(b).Select(m => m.Value.ToLowerInvariant()))
            .Where(w => w.Length >= 4)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new Corpus(blocks, titles.ToList(), words);
    }

    /// <summary>True when a block is running text, where a sentence can be appended (not a list, table, heading or quote).</summary>
    public static bool IsProse(string block) =>
        !ListOrOther().IsMatch(block);

    private static (string? Title, string Body) Split(string text)
    {
        var lines = text.Split('\n');
        if (lines[0].TrimEnd() != "---")
        {
            return (null, text);
        }

        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (end < 0)
        {
            return (null, text);
        }

        var title = lines[1..end].Select(l => TitleLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value.Trim().Trim('"');
        return (string.IsNullOrWhiteSpace(title) ? null : title, string.Join('\n', lines[(end + 1)..]));
    }

    private static IEnumerable<string> BlocksOf(string body)
    {
        // Template lines would need the sample's parameters, and references name the sample's sections: neither exists in a
        // synthetic site. Drop such lines, and blocks that point at the sample's sections or notices.
        var kept = body.Split('\n').Where(l => !l.Contains("{{", StringComparison.Ordinal));
        foreach (var block in BlankLines().Split(string.Join('\n', kept)))
        {
            var trimmed = block.Trim('\n');
            if (trimmed.Trim().Length == 0 || trimmed.Contains("](#", StringComparison.Ordinal) || trimmed.Contains("](notice:", StringComparison.Ordinal))
            {
                continue;
            }

            yield return trimmed;
        }
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"^title:\s*(.+)$")]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"\b[A-Za-z]+\b")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^\s*([-*+]\s|\d+[.)]\s|\||#|>)")]
    private static partial Regex ListOrOther();
}
