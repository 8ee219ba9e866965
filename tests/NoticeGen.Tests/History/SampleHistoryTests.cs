using NoticeGen.Tests.EndToEnd;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.History;

/// <summary>The sample's four releases as readers see them: stamps, archived versions, upcoming versions and redlines.</summary>
public sealed class SampleHistoryTests(SampleSiteFixture sample) : IClassFixture<SampleSiteFixture>
{
    /// <summary>Expected stamps on the build date 2026-11-26, after the 2026-01-01 release changed only the Websites' JAMS link (a DPF passage, shown to EU/UK/Swiss readers).</summary>
    public static TheoryData<string, string, string?> Stamps() => new()
    {
        { "websites/", "2026-01-01", null },
        { "websites/europe/", "2026-01-01", null },
        { "websites/california/", "2025-01-01", "2026-01-01" },
        { "websites/illinois-texas/", "2025-01-01", "2026-01-01" },
        { "websites/israel/", "2025-01-01", "2026-01-01" },
        { "platform/", "2025-05-04", "2026-01-01" },
        { "platform/europe/", "2025-05-04", "2026-01-01" },
        { "platform/california/", "2025-05-04", "2026-01-01" },
        { "platform/illinois-texas/", "2025-05-04", "2026-01-01" },
        { "platform/israel/", "2025-05-04", "2026-01-01" },
        { "eself/", "2025-11-11", "2026-01-01" },
        { "eself/europe/", "2025-11-11", "2026-01-01" },
        { "eself/california/", "2025-11-11", "2026-01-01" },
        { "eself/illinois-texas/", "2025-11-11", "2026-01-01" },
        { "eself/israel/", "2025-11-11", "2026-01-01" },
    };

    [Theory]
    [MemberData(nameof(Stamps))]
    public void Each_page_is_stamped_with_the_last_release_that_changed_its_own_text(string path, string updated, string? reviewed)
    {
        var page = Html.Page(sample.Site, path);
        Assert.Equal(updated, Meta(page, "dcterms.modified"));
        Assert.Equal(reviewed, Meta(page, "noticegen:last-reviewed"));
        var times = page.QuerySelectorAll(".stamps time").Select(t => t.GetAttribute("datetime")).ToList();
        Assert.Equal(reviewed is null ? [updated] : [updated, reviewed], times);
    }

    [Fact]
    public void Before_the_fourth_release_the_stamps_equal_the_dates_the_seed_states()
    {
        using var site = TempSite.Sample();
        TestSupport.Cli.Build(site, "--now", "2025-12-01");
        // The seed: Websites "last updated on January 1, 2025", Platform "May 4, 2025", E-Self "Last update: November 11th, 2025".
        Assert.Equal("2025-01-01", Meta(Html.Page(site, "websites/"), "dcterms.modified"));
        Assert.Equal("2025-05-04", Meta(Html.Page(site, "platform/"), "dcterms.modified"));
        Assert.Equal("2025-11-11", Meta(Html.Page(site, "eself/"), "dcterms.modified"));
        Assert.Null(Meta(Html.Page(site, "eself/"), "noticegen:last-reviewed"));
        Assert.Equal("2025-11-11", Meta(Html.Page(site, "platform/california/"), "noticegen:last-reviewed"));

        // The 2026-01-01 release is upcoming: the current page says so and links to it and to its redline.
        var current = Html.Page(site, "websites/");
        var banner = current.QuerySelectorAll(".banner-upcoming").Single();
        Assert.Contains("takes effect on January 1, 2026", banner.TextContent);
        var links = banner.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["2026-01-01/", "changes/2026-01-01/"], links);
        Assert.Equal("upcoming", Meta(Html.Page(site, "websites/2026-01-01/"), "noticegen:status"));
        Assert.Contains("Upcoming version", Html.Page(site, "websites/2026-01-01/").QuerySelector(".banner-upcoming")!.TextContent);
    }

    [Fact]
    public void The_archived_2025_01_01_websites_page_is_served_at_its_own_url()
    {
        var page = Html.Page(sample.Site, "websites/2025-01-01/");
        Assert.Equal("archived", Meta(page, "noticegen:status"));
        var banner = page.QuerySelector(".banner-archived")!;
        Assert.Contains("in force from January 1, 2025 until May 4, 2025", Html.Text(banner));
        Assert.Equal("../", banner.QuerySelector("a")!.GetAttribute("href"));
        // Its text is the seed's: the JAMS link of that time.
        Assert.Contains("https://www.jamsadr.com/DPF-Dispute-Resolution", page.GetElementById("transfers")!.TextContent);
        Assert.Contains("https://www.jamsadr.com/eu-us-data-privacy-framework", Html.Page(sample.Site, "websites/").GetElementById("transfers")!.TextContent);
    }

    [Fact]
    public void Every_release_of_every_page_has_its_own_url()
    {
        foreach (var (notice, first) in new[] { ("websites", 0), ("platform", 1), ("eself", 2) })
        {
            var dates = new[] { "2025-01-01", "2025-05-04", "2025-11-11", "2026-01-01" };
            foreach (var audience in new[] { "", "california/", "europe/", "illinois-texas/", "israel/" })
            {
                for (var i = 0; i < dates.Length; i++)
                {
                    var file = Path.Combine(sample.Site.Out, notice, audience, dates[i], "index.html");
                    Assert.True(File.Exists(file) == (i >= first), $"{notice}/{audience}{dates[i]}/ should {(i >= first ? string.Empty : "not ")}exist");
                }
            }
        }
    }

    [Fact]
    public void Platform_pages_have_no_redline_for_the_2026_release_because_their_text_did_not_change()
    {
        Assert.False(Directory.Exists(Path.Combine(sample.Site.Out, "platform", "changes", "2026-01-01")));
        Assert.True(Directory.Exists(Path.Combine(sample.Site.Out, "websites", "changes", "2026-01-01")));
        Assert.True(Directory.Exists(Path.Combine(sample.Site.Out, "websites", "europe", "changes", "2026-01-01")));
        Assert.False(Directory.Exists(Path.Combine(sample.Site.Out, "websites", "california", "changes", "2026-01-01")));
    }

    [Fact]
    public void The_websites_redline_for_2026_marks_the_jams_link_change_and_nothing_else()
    {
        var page = Html.Page(sample.Site, "websites/changes/2026-01-01/");
        var inserted = page.QuerySelectorAll("main .redline-section ins").Select(e => Html.Text(e, ".visually-hidden")).ToList();
        var deleted = page.QuerySelectorAll("main .redline-section del").Select(e => Html.Text(e, ".visually-hidden")).ToList();
        Assert.Equal(["https://www.jamsadr.com/eu-us-data-privacy-framework"], inserted);
        Assert.Equal(["https://www.jamsadr.com/DPF-Dispute-Resolution"], deleted);
        Assert.Equal("https://www.jamsadr.com/eu-us-data-privacy-framework", page.QuerySelector("main ins a")!.GetAttribute("href"));
        var changed = page.QuerySelectorAll("[data-change='changed']").Select(s => s.Id).ToList();
        Assert.Equal(["transfers"], changed);
    }

    [Fact]
    public void Changelogs_list_releases_newest_first_with_the_changed_passages()
    {
        var site = Html.Page(sample.Site, "changes/");
        var dates = site.QuerySelectorAll("section.release h2 time").Select(t => t.GetAttribute("datetime")).ToList();
        Assert.Equal(["2026-01-01", "2025-11-11", "2025-05-04", "2025-01-01"], dates);
        var latest = site.QuerySelector("section.release")!;
        Assert.Contains("Consolidated shared sections", latest.TextContent);
        Assert.Contains("https://www.jamsadr.com/eu-us-data-privacy-framework", latest.QuerySelector(".passage ins")!.TextContent);
        var audiences = latest.QuerySelectorAll("p a").Select(a => a.TextContent).ToList();
        Assert.Contains("EU, EEA, UK and Swiss residents", audiences);
        Assert.DoesNotContain("California residents", audiences);

        var california = Html.Page(sample.Site, "websites/california/changes/");
        Assert.Equal(["2025-01-01"], california.QuerySelectorAll("section.release h2 time").Select(t => t.GetAttribute("datetime")).ToList());
    }

    [Fact]
    public void Feeds_exist_for_the_site_each_notice_and_each_audience()
    {
        var site = System.Xml.Linq.XDocument.Load(Path.Combine(sample.Site.Out, "feed.xml"));
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(4, site.Root!.Elements(atom + "entry").Count());
        var california = System.Xml.Linq.XDocument.Load(Path.Combine(sample.Site.Out, "websites", "california", "feed.xml"));
        var entry = Assert.Single(california.Root!.Elements(atom + "entry"));
        Assert.Equal("2025-01-01T00:00:00Z", entry.Element(atom + "updated")!.Value);
        var europe = System.Xml.Linq.XDocument.Load(Path.Combine(sample.Site.Out, "websites", "europe", "feed.xml"));
        var newest = europe.Root!.Elements(atom + "entry").First();
        Assert.Equal("https://example.com/legal/privacy/websites/europe/changes/2026-01-01/", newest.Element(atom + "link")!.Attribute("href")!.Value);
        Assert.Contains("eu-us-data-privacy-framework", newest.Element(atom + "content")!.Value);
    }

    private static string? Meta(AngleSharp.Dom.IDocument page, string name) =>
        page.QuerySelector($"meta[name='{name}']")?.GetAttribute("content");
}
