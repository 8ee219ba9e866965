using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.EndToEnd;

/// <summary>
/// Paths an editor writes to files of the site (images under content/assets/) work from every page, version and redline;
/// a link to a page or file that the build does not write fails the build, located, and leaves the output as it was.
/// </summary>
public sealed class SitePathsTests
{
    [Fact]
    public void An_image_under_content_assets_loads_from_current_archived_and_redline_pages()
    {
        using var site = TempSite.FromFixture("mini");
        site.Write("content/assets/seal.png", "not really a png");
        site.Replace("content/contact.md", "Write to <dpo@acme.test>.", "![The Acme privacy seal](assets/seal.png) Write to <dpo@acme.test>.");
        Assert.Equal(0, TestSupport.Cli.Run("release", "--site", site.Dir, "--effective", "2026-01-01", "--summary", "First").ExitCode);
        site.Replace("content/contact.md", "Write to", "Please write to");
        Assert.Equal(0, TestSupport.Cli.Run("release", "--site", site.Dir, "--effective", "2026-02-01", "--summary", "Second").ExitCode);
        TestSupport.Cli.Build(site, "--now", "2026-03-01");

        Assert.True(File.Exists(Path.Combine(site.Out, "assets", "seal.png")));
        foreach (var folder in new[] { "web/", "web/california/", "web/2026-01-01/", "web/california/2026-01-01/", "web/changes/2026-02-01/" })
        {
            var page = Html.Page(site, folder);
            // A redline shows an image as a link to it, labelled with its alt text.
            var src = page.QuerySelector("img[alt='The Acme privacy seal']")?.GetAttribute("src") ?? page.QuerySelector("a[href$='seal.png']")!.GetAttribute("href")!;
            var resolved = Path.GetFullPath(Path.Combine(site.Out, folder, src));
            Assert.Equal(Path.Combine(site.Out, "assets", "seal.png"), resolved);
        }
    }

    [Theory]
    [InlineData("notices.schema.json", "NoticeGen's schema of the JSON twins")]
    [InlineData("style.css", "the theme's file of that name")]
    public void An_asset_where_NoticeGen_publishes_a_file_of_its_own_is_a_located_error(string name, string owner)
    {
        using var site = TempSite.FromFixture("mini");
        TestSupport.Cli.Build(site);
        var before = TempSite.Snapshot(site.Out);
        site.Write("content/assets/" + name, "{}");
        var result = TestSupport.Cli.Run("build", "--site", site.Dir, "--out", site.Out);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"content/assets/{name}:1:1: error: This file would be published at assets/{name}, where {owner} goes.", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal(before.Keys, TempSite.Snapshot(site.Out).Keys);
    }

    [Fact]
    public void A_link_to_a_page_the_build_does_not_write_fails_the_build_where_it_is_written()
    {
        using var site = TempSite.FromFixture("mini");
        TestSupport.Cli.Build(site);
        var before = TempSite.Snapshot(site.Out);
        site.Replace("content/contact.md", "Write to <dpo@acme.test>.", "Read the [cookie policy](cookies/) or write to <dpo@acme.test>.");
        var result = TestSupport.Cli.Run("build", "--site", site.Dir, "--out", site.Out);
        Assert.Equal(2, result.ExitCode);
        // One finding, at the fragment's line, naming the first of the pages that show the link.
        var finding = Assert.Single(result.Stderr.Split('\n'), l => l.Contains("[NG4001]", StringComparison.Ordinal));
        Assert.StartsWith("content/contact.md:", finding, StringComparison.Ordinal);
        Assert.Contains("error: This link (on ", finding, StringComparison.Ordinal);
        Assert.Contains("leads to cookies/index.html, which the build does not write.", finding, StringComparison.Ordinal);
        Assert.Contains("[NG4001]", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal(before.Keys, TempSite.Snapshot(site.Out).Keys);
    }

    [Fact]
    public void Page_last_updated_prints_each_versions_own_stamp_and_is_not_a_change_of_text()
    {
        using var site = TempSite.FromFixture("mini");
        site.Replace("content/contact.md", "Write to <dpo@acme.test>.", "This notice was last updated on {{ page.last_updated }}. Write to <dpo@acme.test>.");
        Assert.Equal(0, TestSupport.Cli.Run("release", "--site", site.Dir, "--effective", "2026-01-01", "--summary", "First").ExitCode);
        site.Replace("content/gdpr.md", "Contact us per", "Please contact us per");
        Assert.Equal(0, TestSupport.Cli.Run("release", "--site", site.Dir, "--effective", "2026-02-01", "--summary", "GDPR wording").ExitCode);
        TestSupport.Cli.Build(site, "--now", "2026-03-01");

        string Stamp(string folder) => Html.Page(site, folder).GetElementById("contact")!.TextContent;
        Assert.Contains("last updated on February 1, 2026.", Stamp("web/"));           // the GDPR edit is on the full notice
        Assert.Contains("last updated on January 1, 2026.", Stamp("web/california/"));  // not on the California page
        Assert.Contains("last updated on January 1, 2026.", Stamp("web/2026-01-01/"));
        Assert.False(Directory.Exists(Path.Combine(site.Out, "web", "california", "changes", "2026-02-01")), "the California page did not change");
    }

    [Fact]
    public void A_notice_renamed_in_a_release_shows_its_new_title_in_the_redline_changelog_and_diff()
    {
        using var site = TempSite.FromFixture("mini");
        Assert.Equal(0, TestSupport.Cli.Run("release", "--site", site.Dir, "--effective", "2026-01-01", "--summary", "First").ExitCode);
        site.Replace("site.yml", "title: Privacy Notice for the Acme Websites", "title: Privacy Policy for the Acme Websites");
        Assert.Equal(0, TestSupport.Cli.Run("release", "--site", site.Dir, "--effective", "2026-02-01", "--summary", "Renamed").ExitCode);
        TestSupport.Cli.Build(site, "--now", "2026-03-01");

        // The only change is the title: the page gets a new stamp, and its redline must say why.
        var redline = Html.Page(site, "web/changes/2026-02-01/");
        var title = redline.QuerySelector("p.title-change")!;
        Assert.Equal("Notice", title.QuerySelector("del")!.TextContent.Replace("removed: ", string.Empty, StringComparison.Ordinal));
        Assert.Equal("Policy", title.QuerySelector("ins")!.TextContent.Replace("added: ", string.Empty, StringComparison.Ordinal));
        Assert.StartsWith("Title changed.", redline.QuerySelector(".redline-summary p")!.TextContent);
        Assert.Contains(Html.Page(site, "web/changes/").QuerySelectorAll(".passage h4"), h => h.TextContent == "Title");

        var diff = TestSupport.Cli.Run("diff", "--site", site.Dir, "--from", "2026-01-01", "--to", "2026-02-01");
        Assert.Contains("Title changed.", diff.Stdout);
        Assert.Contains("§ Title", diff.Stdout);
        Assert.Contains("{+Policy+}", diff.Stdout);
    }
}
