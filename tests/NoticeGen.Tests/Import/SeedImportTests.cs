using NoticeGen.Load;
using NoticeGen.Tests.EndToEnd;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Import;

/// <summary>The seed imported once, through the command line, and the result built.</summary>
public sealed class SeedImportFixture : IDisposable
{
    public SeedImportFixture()
    {
        Import = Target.Import(Repo.Fixture("seed.txt"));
        Assert.True(Import.ExitCode == 0, Import.Stderr);
        Target.Build("2026-11-26");
    }

    public ImportTarget Target { get; } = new();

    public CliResult Import { get; }

    public void Dispose() => Target.Dispose();
}

/// <summary>The seed (a real privacy page pasted as text) imported end to end through the command line.</summary>
public sealed class SeedImportTests(SeedImportFixture seed) : IClassFixture<SeedImportFixture>
{
    private readonly ImportTarget _target = seed.Target;
    private readonly CliResult _import = seed.Import;

    [Fact]
    public void The_site_builds_with_the_three_notices_and_no_section_written_twice()
    {
        var content = ContentLoader.LoadWorking(_target.Dir);

        Assert.Equal(["Privacy Notice for the Kaltura Websites", "Privacy Notice for the Kaltura Platform", "Privacy Notice for the E-Self Platform"],
            content.Site.Notices.Select(n => n.Title));
        var repeated = content.Fragments.GroupBy(f => (f.Title, Body: string.Join(' ', f.Template.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))))
            .Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(f => f.File))).ToList();
        Assert.True(repeated.Count == 0, "written twice: " + string.Join("; ", repeated));

        // The contact section, word for word the same in both notices, is one fragment listed in both.
        var contact = Assert.Single(content.Fragments, f => f.Title == "Contacting Kaltura about this Privacy Notice");
        Assert.Contains(content.Site.Notices.Single(n => n.Id == "websites").Sections, s => s.FragmentId == contact.Id);
        Assert.Contains(content.Site.Notices.Single(n => n.Id == "platform").Sections, s => s.FragmentId == contact.Id);
        Assert.Equal([17, 18, 15], content.Site.Notices.Select(n => n.Sections.Count));
    }

    [Fact]
    public void The_migration_report_finds_no_word_lost_in_any_notice()
    {
        Assert.Contains("  websites: no differences", _import.Stdout, StringComparison.Ordinal);
        Assert.Contains("  platform: no differences", _import.Stdout, StringComparison.Ordinal);
        Assert.Contains("  e-self-platform: no differences", _import.Stdout, StringComparison.Ordinal);
        Assert.Contains("Every page NoticeGen composes says what its source says, word for word.", _import.Stdout, StringComparison.Ordinal);
        Assert.Contains("word for word", _target.Read("import-report.html"), StringComparison.Ordinal);
    }

    /// <summary>Not the importer's own word: the built pages compared with the seed's lines as the sample's fidelity test does.</summary>
    [Theory]
    [InlineData("websites", "websites")]
    [InlineData("platform", "platform")]
    [InlineData("eself", "e-self-platform")]
    public void Each_built_page_says_what_the_seed_says_word_for_word(string seedNotice, string page)
    {
        var hunks = SeedFidelityTests.Hunks(SeedFidelityTests.SeedWords(seedNotice), NoticeWords(_target.Page(page)));

        Assert.True(hunks.Count == 0, string.Join("\n", hunks.Select(h => $"seed: “{h.Seed}” page: “{h.Page}”")));
    }

    [Fact]
    public void The_flattened_copies_of_two_notices_are_recognised_and_skipped()
    {
        Assert.Contains(":220-316 repeats “Privacy Notice for the Kaltura Websites”", _import.Stdout, StringComparison.Ordinal);
        Assert.Contains(":317-394 repeats “Privacy Notice for the Kaltura Platform”", _import.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Untitled", _target.Read("site.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Near_duplicates_and_jurisdiction_guesses_are_in_the_report_and_the_fragments()
    {
        Assert.Contains("retention-information) are 95% alike: added “on the Kaltura Platform”", _import.Stdout, StringComparison.Ordinal);
        var ccpa = ContentLoader.LoadWorking(_target.Dir).Fragments.Single(f => f.Title?.StartsWith("Rights of California", StringComparison.Ordinal) == true && f.File.Contains("/websites/", StringComparison.Ordinal));
        Assert.Equal(["california"], ccpa.Jurisdictions);
        Assert.Contains("jurisdictions: [california]  # guessed from \"California Consumer Privacy Act\": confirm", ccpa.Source, StringComparison.Ordinal);
        Assert.Contains("[california]", _import.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seeds_section_numbers_in_the_text_become_references()
    {
        var ccpa = ContentLoader.LoadWorking(_target.Dir).Fragments.Single(f => f.Title?.StartsWith("Rights of California", StringComparison.Ordinal) == true && f.File.Contains("/websites/", StringComparison.Ordinal));
        Assert.Contains("following the instructions in [](#contacting-kaltura-privacy-notice) below", ccpa.Source, StringComparison.Ordinal);
    }

    /// <summary>The notice's own text on a built page: its title and the article, without the section permalinks and "Applies to" labels.</summary>
    internal static IReadOnlyList<string> NoticeWords(AngleSharp.Dom.IDocument page) =>
        Html.Words(page.QuerySelector("main h1")!).Concat(Html.Words(page.QuerySelector("article.notice")!, ".permalink, .applies-to")).ToList();
}
