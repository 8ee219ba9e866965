using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.EndToEnd;

/// <summary>Write once: the paragraphs the seed repeats across notices come from one fragment in content/.</summary>
public sealed class SharedSectionTests(SampleSiteFixture sample) : IClassFixture<SampleSiteFixture>
{
    [Fact]
    public void Paragraphs_the_seed_repeats_in_both_notices_come_from_one_shared_fragment()
    {
        var websites = Lines(10, 125);
        var platform = Lines(126, 219).ToHashSet();
        var repeated = websites.Where(l => l.Length >= 60 && platform.Contains(l)).Distinct().ToList();
        Assert.True(repeated.Count >= 5, $"expected the seed's shared paragraphs, found {repeated.Count}");

        var websitesPage = Html.Page(sample.Site, "websites/");
        var platformPage = Html.Page(sample.Site, "platform/");
        var bodies = Directory.EnumerateFiles(Path.Combine(Repo.Root, "content", "fragments"), "*.md", SearchOption.AllDirectories)
            .Select(f => (File: f, Text: File.ReadAllText(f))).ToList();
        foreach (var line in repeated)
        {
            // Written out literally, the paragraph must stand in one file (a section, or a passage both include)...
            var files = bodies.Where(b => b.Text.Contains(line, StringComparison.Ordinal)).Select(b => b.File).ToList();
            Assert.True(files.Count <= 1, $"\"{line[..60]}...\" is written in {string.Join(" and ", files)}");
            if (files.Count == 0)
            {
                // ...and a paragraph with template values in it must come from the same shared section on both pages.
                var inWebsites = SectionOf(websitesPage, line);
                var inPlatform = SectionOf(platformPage, line);
                Assert.True(inWebsites is not null && inWebsites == inPlatform, $"\"{line[..60]}...\" comes from '{inWebsites}' on the Websites page but from '{inPlatform}' on the Platform page");
            }
        }
    }

    [Fact]
    public void No_paragraph_is_written_twice_in_content()
    {
        var seen = new Dictionary<string, string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "content", "fragments"), "*.md", SearchOption.AllDirectories))
        {
            // Only bodies count: two sections may well share a title.
            var lines = File.ReadAllLines(file);
            var body = lines.Skip(Array.IndexOf(lines, "---", 1) + 1);
            foreach (var line in body.Select(l => l.Trim()).Where(l => l.Length >= 60).Distinct())
            {
                Assert.False(seen.TryGetValue(line, out var other), $"written twice, in {other} and {file}: {line}");
                seen[line] = file;
            }
        }
    }

    private static List<string> Lines(int first, int last) =>
        File.ReadAllLines(Repo.Fixture("seed.txt"))[(first - 1)..last]
            .Select(l => l.Trim())
            .Select(l => l.StartsWith("- ", StringComparison.Ordinal) ? l[2..] : l)
            .ToList();

    /// <summary>The id of the section (or "intro") whose text contains the line, compared with whitespace folded.</summary>
    private static string? SectionOf(AngleSharp.Dom.IDocument page, string line)
    {
        var wanted = string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        foreach (var block in page.QuerySelectorAll("article.notice > section, article.notice > .intro"))
        {
            if (Html.Text(block).Contains(wanted, StringComparison.Ordinal))
            {
                return block.Id ?? "intro";
            }
        }

        return null;
    }
}
