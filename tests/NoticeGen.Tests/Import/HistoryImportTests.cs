using AngleSharp.Dom;
using NoticeGen.Load;
using NoticeGen.Tests.EndToEnd;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Import;

/// <summary>Six dated versions of a two-notice page (Fixtures/import/history) imported once with --history, and built.</summary>
public sealed class HistoryImportFixture : IDisposable
{
    /// <summary>In the order given on the command line; the correction of 2022-04-01 comes after the version it corrects.</summary>
    public static readonly string[] Files =
        ["2021-03-01.html", "2021-09-15.html", "2022-04-01.html", "2022-04-01-correction.html", "2023-01-10.html", "2024-06-30.html", "2025-02-14.html"];

    public HistoryImportFixture()
    {
        Import = Target.Import(["--history", .. Files.Select(f => Repo.Fixture(Path.Combine("import", "history", f)))]);
        Assert.True(Import.ExitCode == 0, Import.Stderr);
        Target.Build("2025-02-14");
    }

    public ImportTarget Target { get; } = new();

    public CliResult Import { get; }

    public void Dispose() => Target.Dispose();
}

public sealed class HistoryImportTests(HistoryImportFixture history) : IClassFixture<HistoryImportFixture>
{
    /// <summary>The version in force from each date: on 2022-04-01 the correction, listed last.</summary>
    public static TheoryData<string, string> Versions() => new()
    {
        { "2021-03-01", "2021-03-01.html" },
        { "2021-09-15", "2021-09-15.html" },
        { "2022-04-01", "2022-04-01-correction.html" },
        { "2023-01-10", "2023-01-10.html" },
        { "2024-06-30", "2024-06-30.html" },
        { "2025-02-14", "2025-02-14.html" },
    };

    [Fact]
    public void Each_date_becomes_one_release_and_the_version_replaced_on_the_same_date_is_reported()
    {
        var releases = Directory.GetDirectories(Path.Combine(history.Target.Dir, "content", "releases")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(Versions().Select(v => (string)v[0]), releases);
        Assert.Contains("Not imported: " + Repo.Fixture(Path.Combine("import", "history", "2022-04-01.html")) + ", an earlier version of the same date",
            history.Import.Stdout, StringComparison.Ordinal);
        Assert.Contains("summary: \"Imported from 2022-04-01-correction.html.\"", history.Target.Read("content/releases/2022-04-01/release.yml"), StringComparison.Ordinal);
    }

    /// <summary>Independent of the importer's own comparison: each archived page against the source's text of that notice.</summary>
    [Theory]
    [MemberData(nameof(Versions))]
    public void Every_version_of_both_notices_is_published_word_for_word(string date, string file)
    {
        var source = Html.Load(Repo.Fixture(Path.Combine("import", "history", file)));
        foreach (var notice in new[] { "privacy-policy", "cookie-policy" })
        {
            var expected = SourceWords(source, notice);
            var page = SeedImportTests.NoticeWords(history.Target.Page($"{notice}/{date}"));

            var hunks = SeedFidelityTests.Hunks(expected, page);
            Assert.True(hunks.Count == 0, $"{notice} {date}:\n" + string.Join("\n", hunks.Select(h => $"source: “{h.Seed}” page: “{h.Page}”")));
        }

        Assert.Contains($"== {date}: ", history.Import.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("Every page NoticeGen composes says what its source says, word for word.\n", history.Import.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Renamed_and_moved_sections_keep_their_id_from_the_first_version()
    {
        var first = SiteLoader.Load(history.Target.Read("content/releases/2021-03-01/site.yml"));
        var last = ContentLoader.LoadWorking(history.Target.Dir);
        Assert.Equal(["who-we-are", "information-we-collect", "how-we-use", "sharing", "retention", "your-rights", "california", "contact"],
            first.Notices[0].Sections.Select(s => s.FragmentId));
        Assert.Equal(["who-we-are", "information-we-collect", "how-we-use", "retention", "sharing", "transfers", "your-rights", "california", "contact"],
            last.Site.Notices[0].Sections.Select(s => s.FragmentId));
        Assert.Equal("About Acme Notes", last.Find("who-we-are")!.Title);
        Assert.Equal("Information we collect about you", last.Find("information-we-collect")!.Title);
        Assert.Contains("information-we-collect: “Information we collect” is now “Information we collect about you”", history.Import.Stdout, StringComparison.Ordinal);

        // The regrouped list, and the in-page link rewritten to the section's id.
        Assert.Contains("- **Account and payment data**: your name", last.Find("information-we-collect")!.Source, StringComparison.Ordinal);
        Assert.Contains("[the section on your rights](#your-rights)", last.Find("how-we-use")!.Source, StringComparison.Ordinal);
    }

    /// <summary>A page's "last updated" is the latest version that changed its own text (words or link targets).</summary>
    [Theory]
    [InlineData("privacy-policy", "2023-01-10", "2025-02-14")]
    [InlineData("cookie-policy", "2024-06-30", "2025-02-14")]
    [InlineData("privacy-policy/2022-04-01", "2022-04-01", null)]
    [InlineData("cookie-policy/2022-04-01", "2021-09-15", "2022-04-01")]
    [InlineData("cookie-policy/2023-01-10", "2021-09-15", "2023-01-10")]
    [InlineData("cookie-policy/2021-09-15", "2021-09-15", null)]
    [InlineData("privacy-policy/2021-03-01", "2021-03-01", null)]
    public void Stamps_follow_the_versions_that_changed_each_page(string page, string modified, string? reviewed)
    {
        var document = history.Target.Page(page);
        Assert.Equal(modified, document.QuerySelector("meta[name='dcterms.modified']")?.GetAttribute("content"));
        Assert.Equal(reviewed, document.QuerySelector("meta[name='noticegen:last-reviewed']")?.GetAttribute("content"));
    }

    [Fact]
    public void The_markup_only_version_changes_no_page_and_the_link_change_is_a_change()
    {
        Assert.False(Directory.Exists(Path.Combine(history.Target.Out, "privacy-policy", "changes", "2025-02-14")));
        Assert.False(Directory.Exists(Path.Combine(history.Target.Out, "cookie-policy", "changes", "2025-02-14")));
        Assert.True(Directory.Exists(Path.Combine(history.Target.Out, "cookie-policy", "changes", "2021-09-15")));
        Assert.Equal(["2021-09-15", "2022-04-01", "2023-01-10"],
            Directory.GetDirectories(Path.Combine(history.Target.Out, "privacy-policy", "changes")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>What a reader of the source sees of one notice: its h2 and everything after it up to the next h2.</summary>
    private static IReadOnlyList<string> SourceWords(IDocument source, string notice)
    {
        var heading = source.GetElementById(notice)!;
        var words = new List<string>(Html.Words(heading));
        for (var element = heading.NextElementSibling; element is not null && element.TagName != "H2"; element = element.NextElementSibling)
        {
            words.AddRange(Html.Words(element));
        }

        return words;
    }
}
