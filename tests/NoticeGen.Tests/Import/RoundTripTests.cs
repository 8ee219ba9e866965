using NoticeGen.Load;
using NoticeGen.Tests.EndToEnd;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Import;

/// <summary>A page NoticeGen built, saved and imported again, composes back to the same words.</summary>
public sealed class RoundTripTests(SampleSiteFixture sample) : IClassFixture<SampleSiteFixture>
{
    [Fact]
    public void The_websites_page_of_the_sample_imports_back_to_the_same_words_and_section_ids()
    {
        using var target = new ImportTarget();
        var import = target.Import(Path.Combine(sample.Site.Out, "websites", "index.html"));
        Assert.True(import.ExitCode == 0, import.Stderr);
        target.Build(SampleSiteFixture.Today);

        var original = SeedImportTests.NoticeWords(Html.Page(sample.Site, "websites/"));
        var imported = SeedImportTests.NoticeWords(target.Page("websites"));
        var hunks = SeedFidelityTests.Hunks(original, imported);
        Assert.True(hunks.Count == 0, string.Join("\n", hunks.Select(h => $"original: “{h.Seed}” imported: “{h.Page}”")));
        Assert.True(original.Count > 3000);

        // The page's section anchors were good ids, so they are kept: links to /websites/#contact still work.
        var content = ContentLoader.LoadWorking(target.Dir);
        var sampleNotice = ContentLoader.LoadWorking(Repo.Root).Site.Notices.Single(n => n.Id == "websites");
        Assert.Equal(sampleNotice.Sections.Select(s => s.FragmentId), Assert.Single(content.Site.Notices).Sections.Select(s => s.FragmentId));
        Assert.Contains("in [](#contact) below", content.Find("websites-ccpa")!.Source, StringComparison.Ordinal);
        Assert.Contains("  websites: no differences", import.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pages_chrome_is_left_out_and_reported_and_a_relative_link_is_flagged()
    {
        using var target = new ImportTarget();
        var import = target.Import(Path.Combine(sample.Site.Out, "websites", "index.html"));

        Assert.Matches(@"index\.html:\d+:\d+: “Last updated: January 1, 2026\. See what changed in this version\.”: the page's header", import.Stdout);
        Assert.Contains("points at '../platform/', relative to the page it was on", import.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Last updated", string.Concat(ContentLoader.LoadWorking(target.Dir).Fragments.Select(f => f.Source)), StringComparison.Ordinal);
    }
}
