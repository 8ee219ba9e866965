using DiffPlex;
using NoticeGen.Load;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.EndToEnd;

/// <summary>
/// The sample's full pages say exactly what the seed says: every word-level difference between a composed full page
/// and the seed's text of that notice must be listed, with its reason, in content/migration-note.yml.
/// </summary>
public sealed class SeedFidelityTests(SampleSiteFixture sample) : IClassFixture<SampleSiteFixture>
{
    /// <summary>Where each notice stands in the seed (1-based, inclusive); lines 220-394 are the flattened duplicate the sample removes.</summary>
    private static readonly Dictionary<string, (int First, int Last)> SeedRanges = new()
    {
        ["websites"] = (10, 125),
        ["platform"] = (126, 219),
        ["eself"] = (395, 429),
    };

    public static TheoryData<string> Notices() => new(SeedRanges.Keys);

    [Theory]
    [MemberData(nameof(Notices))]
    public void The_full_page_reproduces_the_seed_word_for_word_apart_from_listed_differences(string notice)
    {
        var seedWords = SeedWords(notice);
        var pageWords = PageWords(sample.Site, notice + "/");
        var listed = MigrationNote().Where(e => e.Notice == notice).ToList();
        var unexplained = Hunks(seedWords, pageWords)
            .Where(h => !listed.Any(e => e.Seed == h.Seed && e.Page == h.Page))
            .Select(h => $"seed: \"{h.Seed}\"\npage: \"{h.Page}\"")
            .ToList();
        Assert.True(unexplained.Count == 0, $"{notice}: differences not in content/migration-note.yml:\n\n{string.Join("\n\n", unexplained)}");
    }

    [Fact]
    public void Every_migration_note_entry_has_a_reason_and_is_still_needed()
    {
        foreach (var entry in MigrationNote())
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Reason), $"entry for {entry.Notice} has no reason");
            var hunks = Hunks(SeedWords(entry.Notice), PageWords(sample.Site, entry.Notice + "/"));
            Assert.Contains(hunks, h => h.Seed == entry.Seed && h.Page == entry.Page);
        }
    }

    [Fact]
    public void The_comparison_catches_a_changed_word()
    {
        // Guards the test above: the same comparison must fail on a page that differs from the seed by one word.
        var words = PageWords(sample.Site, "websites/").ToList();
        var index = words.IndexOf("Marketing");
        words[index] = "Advertising";
        var hunk = Assert.Single(Hunks(SeedWords("websites"), words), h => h.Page == "Advertising");
        Assert.Equal("Marketing", hunk.Seed);
    }

    internal static IReadOnlyList<string> SeedWords(string notice)
    {
        var (first, last) = SeedRanges[notice];
        var lines = File.ReadAllLines(Repo.Fixture("seed.txt"))[(first - 1)..last];
        return lines.Select(l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal) ? l.TrimStart()[2..] : l)
            .SelectMany(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ToList();
    }

    /// <summary>The notice's own text on a page: its title and the article, without the section permalinks and the "Applies to" labels.</summary>
    internal static IReadOnlyList<string> PageWords(TempSite site, string path)
    {
        var page = Html.Page(site, path);
        return Html.Words(page.QuerySelector("main h1")!).Concat(Html.Words(page.QuerySelector("article.notice")!, ".permalink, .applies-to")).ToList();
    }

    internal sealed record Hunk(string Seed, string Page);

    internal static IReadOnlyList<Hunk> Hunks(IReadOnlyList<string> seed, IReadOnlyList<string> page)
    {
        var diff = Differ.Instance.CreateLineDiffs(string.Join('\n', seed), string.Join('\n', page), ignoreWhitespace: false);

        // Differences a few words apart are one edit ("was last updated" kept inside a rewritten sentence): merge them,
        // so the migration note lists whole passages.
        var spans = new List<(int A, int EndA, int B, int EndB)>();
        foreach (var block in diff.DiffBlocks)
        {
            var span = (A: block.DeleteStartA, EndA: block.DeleteStartA + block.DeleteCountA, B: block.InsertStartB, EndB: block.InsertStartB + block.InsertCountB);
            if (spans.Count > 0 && span.A - spans[^1].EndA <= 3)
            {
                spans[^1] = (spans[^1].A, span.EndA, spans[^1].B, span.EndB);
            }
            else
            {
                spans.Add(span);
            }
        }

        return spans.Select(s => new Hunk(
            string.Join(' ', seed.Skip(s.A).Take(s.EndA - s.A)),
            string.Join(' ', page.Skip(s.B).Take(s.EndB - s.B)))).ToList();
    }

    internal sealed record NoteEntry(string Notice, string Seed, string Page, string Reason);

    internal static IReadOnlyList<NoteEntry> MigrationNote()
    {
        var path = Path.Combine(Repo.Root, "content", "migration-note.yml");
        var root = SafeYaml.Parse(File.ReadAllText(path), "content/migration-note.yml") as YSequence;
        Assert.NotNull(root);
        return root.Items.Cast<YMapping>().Select(m => new NoteEntry(
            Value(m, "notice"), Fold(Value(m, "seed")), Fold(Value(m, "page")), Value(m, "reason"))).ToList();
    }

    private static string Value(YMapping map, string key) => (map.Get(key) as YScalar)?.Value ?? string.Empty;

    private static string Fold(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
