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
    public void Feed_entries_must_be_a_number()
    {
        using var site = TempSite.FromFixture("mini");
        site.Replace("site.yml", "  intro: home", "  intro: home\n  feed_entries: many");
        var result = TestSupport.Cli.Run("build", "--site", site.Dir, "--out", site.Out);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("site.yml:4:17: error: feed_entries 'many' is not a number of entries from 1 to 10000.", result.Stderr);
    }
}
