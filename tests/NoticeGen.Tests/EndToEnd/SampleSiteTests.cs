using AngleSharp.Dom;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.EndToEnd;

/// <summary>The sample site as readers get it: every page, the jurisdiction views, numbering and references.</summary>
public sealed class SampleSiteTests(SampleSiteFixture sample) : IClassFixture<SampleSiteFixture>
{
    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var notice in new[] { "websites", "platform", "eself" })
        {
            foreach (var audience in new[] { "", "california/", "europe/", "illinois-texas/", "israel/" })
            {
                data.Add(notice + "/" + audience);
            }
        }

        return data;
    }

    [Fact]
    public void The_sample_builds_with_no_warning_but_its_legal_coverage_findings()
    {
        // The README lists the coverage findings (NG6001 missing topics, NG6005 jurisdictions no rule file covers): they are
        // true of the seed's text, so the sample keeps them visible rather than turning the checks off.
        Assert.Equal(0, sample.BuildResult.ExitCode);
        var lines = sample.BuildResult.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        // Past ten warnings the rest are summed up by code on one line.
        Assert.All(lines, line => Assert.Matches(@"\[NG600[15]\]$|^noticegen: \d+ more warning\(s\) \(\d+ NG600[15](, \d+ NG600[15])*\);", line));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_notice_and_audience_page_exists_with_its_title_contents_and_switcher(string path)
    {
        var page = Html.Page(sample.Site, path);
        var h1 = page.QuerySelector("main h1");
        Assert.NotNull(h1);
        Assert.StartsWith("Privacy Notice for the", h1.TextContent);
        var sections = page.QuerySelectorAll("article.notice > section[id]");
        Assert.NotEmpty(sections);
        var toc = page.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href") ?? string.Empty).ToList();
        Assert.Equal(sections.Select(s => "#" + s.Id).ToList(), toc);

        var switcher = page.QuerySelectorAll("nav.audiences a");
        Assert.Equal(5, switcher.Length);
        var current = Assert.Single(switcher, a => a.GetAttribute("aria-current") == "page");
        Assert.Equal(Path.GetFullPath(Path.Combine(sample.Site.Out, path)), Resolve(path, current.GetAttribute("href")!));
    }

    [Fact]
    public void The_index_lists_every_notice_and_audience_and_carries_the_seeds_opening_text()
    {
        var index = Html.Page(sample.Site, "");
        Assert.Contains("These privacy notices provide important information about how Kaltura, Inc.", index.QuerySelector("main .intro")!.TextContent);
        var stamps = index.QuerySelectorAll("main section.notice-entry .stamps time").Select(t => t.GetAttribute("datetime")).ToList();
        Assert.Equal(["2026-01-01", "2025-05-04", "2025-11-11"], stamps);
        var links = index.QuerySelectorAll("main section.notice-entry a").Select(a => a.GetAttribute("href")).ToList();
        foreach (var page in ((IEnumerable<object[]>)Pages()).Select(row => (string)row[0]))
        {
            Assert.Contains(page, links);
        }
    }

    [Fact]
    public void California_websites_page_has_the_CCPA_section_and_no_GDPR_section()
    {
        var page = Html.Page(sample.Site, "websites/california/");
        var headings = page.QuerySelectorAll("article.notice > section > .section-head > h2").Select(h => h.TextContent).ToList();
        Assert.Contains(headings, h => h.Contains("California Consumer Privacy Act", StringComparison.Ordinal));
        Assert.DoesNotContain(headings, h => h.Contains("GDPR", StringComparison.Ordinal));
        Assert.Null(page.GetElementById("websites-gdpr"));
        Assert.DoesNotContain("Data Privacy Framework", page.QuerySelector("article.notice")!.TextContent);
    }

    [Fact]
    public void A_reference_to_the_contact_section_shows_that_pages_own_number()
    {
        foreach (var path in new[] { "websites/", "websites/california/" })
        {
            var page = Html.Page(sample.Site, path);
            var sections = page.QuerySelectorAll("article.notice > section[id]").Select(s => s.Id).ToList();
            var contactNumber = sections.IndexOf("contact") + 1;
            var reference = page.QuerySelectorAll("#websites-ccpa a[href='#contact']").Single();
            Assert.Equal($"section {contactNumber}", reference.TextContent);
            Assert.StartsWith($"{contactNumber}. Contacting Kaltura", page.GetElementById("ng-title-contact")!.TextContent);
        }

        // The full page has the GDPR section before it, the California page does not: the numbers differ.
        Assert.NotEqual(
            Html.Page(sample.Site, "websites/").QuerySelector("#websites-ccpa a[href='#contact']")!.TextContent,
            Html.Page(sample.Site, "websites/california/").QuerySelector("#websites-ccpa a[href='#contact']")!.TextContent);
    }

    [Fact]
    public void A_reference_to_another_notice_links_to_that_notices_page_for_the_same_audience()
    {
        var page = Html.Page(sample.Site, "websites/california/");
        var link = page.QuerySelectorAll("#websites-covers a").Single(a => a.TextContent == "Privacy Notice for the Kaltura Platform");
        Assert.Equal("../../platform/california/", link.GetAttribute("href"));
        Assert.True(File.Exists(Path.Combine(Resolve("websites/california/", link.GetAttribute("href")!), "index.html")));
    }

    [Fact]
    public void Jurisdiction_passages_appear_only_for_their_audiences()
    {
        string Biometrics(string path) => Html.Page(sample.Site, path).GetElementById("eself-biometrics")!.TextContent;
        Assert.Contains("Illinois Biometric Information Privacy Act", Biometrics("eself/"));
        Assert.Contains("Illinois Biometric Information Privacy Act", Biometrics("eself/illinois-texas/"));
        Assert.DoesNotContain("Illinois Biometric Information Privacy Act", Biometrics("eself/california/"));
        Assert.Contains("Data Privacy Framework", Html.Page(sample.Site, "platform/europe/").GetElementById("transfers")!.TextContent);
    }

    [Fact]
    public void Every_link_between_the_sites_pages_leads_to_a_page_and_anchor_that_exist()
    {
        Assert.Empty(LinkChecker.Broken(sample.Site.Out));
    }

    private string Resolve(string fromPage, string href)
    {
        var target = href.Split('#')[0];
        return Path.GetFullPath(Path.Combine(sample.Site.Out, fromPage, target));
    }

    internal static IElement Article(IDocument page) => page.QuerySelector("article.notice")!;
}
