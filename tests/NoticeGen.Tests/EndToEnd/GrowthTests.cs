using System.Xml.Linq;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.EndToEnd;

/// <summary>
/// A long history stays small and readable: feeds keep the latest releases (site.yml's feed_entries, 20 by default), and
/// changelogs stay complete but show older releases' passages collapsed.
/// </summary>
public sealed class GrowthTests
{
    [Fact]
    public void Feeds_keep_the_latest_entries_and_changelogs_collapse_older_passages()
    {
        using var site = TempSite.FromFixture("mini");
        site.Replace("site.yml", "  intro: home", "  intro: home\n  feed_entries: 4");
        for (var i = 1; i <= 6; i++)
        {
            site.Replace("content/contact.md", "Write to", $"Release {i}. Write to");
            var release = TestSupport.Cli.Run("release", "--site", site.Dir, "--effective", $"2026-0{i}-01", "--summary", $"Release {i}");
            Assert.True(release.ExitCode == 0, release.Stderr);
        }

        TestSupport.Cli.Build(site, "--now", "2026-12-01");
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Load(Path.Combine(site.Out, "web", "feed.xml"));
        Assert.Equal(["2026-06-01", "2026-05-01", "2026-04-01", "2026-03-01"],
            feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "updated")!.Value[..10]));
        Assert.Equal(4, XDocument.Load(Path.Combine(site.Out, "feed.xml")).Root!.Elements(atom + "entry").Count());

        var changelog = Html.Page(site, "web/changes/");
        var releases = changelog.QuerySelectorAll("section.release").ToList();
        Assert.Equal(6, releases.Count); // complete
        Assert.All(releases.Take(3), r => Assert.Null(r.QuerySelector("details.passages")));
        Assert.All(releases.Skip(3).Take(2), r => Assert.NotNull(r.QuerySelector("details.passages > .passage ins")));
        Assert.Null(releases[5].QuerySelector("details.passages")); // the first release published the page: no passages
    }

    [Fact]
    public void A_page_with_a_long_history_lists_the_versions_nearest_it_numbered_as_in_the_whole_history()
    {
        using var site = TempSite.FromFixture("mini");
        var dates = Enumerable.Range(0, 15).Select(i => new DateOnly(2025, 1, 1).AddMonths(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var (date, i) in dates.Select((d, i) => (d, i + 1)))
        {
            site.Replace("content/contact.md", "Write to", $"Release {i}. Write to");
            var release = TestSupport.Cli.Run("release", "--site", site.Dir, "--effective", date, "--summary", $"Release {i}");
            Assert.True(release.ExitCode == 0, release.Stderr);
        }

        TestSupport.Cli.Build(site, "--now", "2026-12-01");

        // The third version: near the start of the history, the oldest twelve, newest first, numbered 12 down to 1 of 15.
        var third = Html.Page(site, $"web/{dates[2]}/").QuerySelector("nav.versions")!;
        Assert.Contains("The 12 versions nearest this one, of 15", third.TextContent, StringComparison.Ordinal);
        Assert.Equal("12", third.QuerySelector("ol")!.GetAttribute("start"));
        var listed = third.QuerySelectorAll("li time").Select(t => t.GetAttribute("datetime")).ToList();
        Assert.Equal(dates.AsEnumerable().Reverse().Skip(3), listed);
        Assert.Contains("(this version)", third.QuerySelectorAll("li")[9].TextContent, StringComparison.Ordinal);
        Assert.Equal("../changes/", third.QuerySelector("a[href$='changes/']")!.GetAttribute("href"));

        // The eighth version: five newer above it and six older below.
        var eighth = Html.Page(site, $"web/{dates[7]}/").QuerySelector("nav.versions")!;
        Assert.Equal("13", eighth.QuerySelector("ol")!.GetAttribute("start"));
        Assert.Contains("(this version)", eighth.QuerySelectorAll("li")[5].TextContent, StringComparison.Ordinal);

        // The current page: the newest twelve, the one in force marked.
        var current = Html.Page(site, "web/").QuerySelector("nav.versions")!;
        Assert.Equal("15", current.QuerySelector("ol")!.GetAttribute("start"));
        Assert.Equal(dates.AsEnumerable().Reverse().Take(12), current.QuerySelectorAll("li time").Select(t => t.GetAttribute("datetime")));
        Assert.Contains("in force", current.QuerySelectorAll("li")[0].TextContent, StringComparison.Ordinal);

        // A site's own page.sbn from before the window still reads page.versions: every version, numbered 15 to 1.
        site.Replace("templates/page.sbn", "{{~ for v in page.versions_nearby ~}}", "{{~ for v in page.versions ~}}");
        TestSupport.Cli.Build(site, "--now", "2026-12-01");
        var own = Html.Page(site, $"web/{dates[2]}/").QuerySelector("nav.versions")!;
        Assert.Equal(dates.AsEnumerable().Reverse(), own.QuerySelectorAll("li time").Select(t => t.GetAttribute("datetime")));
        Assert.Contains("(this version)", own.QuerySelectorAll("li")[12].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_entries_must_be_a_number()
    {
        using var site = TempSite.FromFixture("mini");
        site.Replace("site.yml", "  intro: home", "  intro: home\n  feed_entries: many");
        var result = TestSupport.Cli.Run("build", "--site", site.Dir, "--out", site.Out);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("site.yml:4:17: error: feed_entries 'many' is not a number of entries from 1 to 10000.", result.Stderr);
    }
}
