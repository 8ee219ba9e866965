using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.EndToEnd;

/// <summary>
/// What readers of the sample see: the full notice says whom a limited section or passage applies to, an audience's page
/// does not, the site changelog names the full notice among the pages a release changed, and a handful of audiences stays
/// a row of links.
/// </summary>
public sealed class ReaderPagesTests(SampleSiteFixture sample) : IClassFixture<SampleSiteFixture>
{
    [Fact]
    public void The_full_notice_labels_each_section_limited_to_jurisdictions_beside_its_heading()
    {
        var page = Page("websites/index.html");
        Assert.Equal("Applies to California residents", Label(page, "websites-ccpa"));
        Assert.Equal("Applies to EU/EEA, United Kingdom and Switzerland residents", Label(page, "websites-gdpr"));
        Assert.Null(Label(page, "contact"));

        // The label follows the heading, so a reader who follows the permalink sees it first.
        var label = page.QuerySelector("section#websites-ccpa p.applies-section")!;
        Assert.Equal("permalink", label.PreviousElementSibling!.ClassName);
    }

    [Fact]
    public void The_full_notice_labels_passages_limited_to_jurisdictions_and_audience_pages_carry_no_label()
    {
        var passages = Page("websites/index.html").QuerySelectorAll("div.applies-passage > p.applies-to").Select(p => p.TextContent).ToList();
        Assert.Contains("Applies to EU/EEA residents", passages);
        Assert.Contains("Applies to EU/EEA, United Kingdom and Switzerland residents", passages);
        var inline = Page("eself/index.html").QuerySelectorAll("span.applies-passage > span.applies-to").Select(s => s.TextContent).ToList();
        Assert.Contains("Applies to Israel residents:", inline);

        foreach (var audience in new[] { "california", "europe", "illinois-texas", "israel" })
        {
            foreach (var notice in new[] { "websites", "platform", "eself" })
            {
                Assert.DoesNotContain("applies-", sample.Site.Read($"_site/{notice}/{audience}/index.html"), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_site_changelog_names_the_full_notice_among_the_pages_a_release_changed()
    {
        var release = Page("changes/index.html").QuerySelector("section#release-2026-01-01")!;
        var changed = release.QuerySelectorAll("p")
            .First(p => p.TextContent.StartsWith("Text changed for:", StringComparison.Ordinal))
            .QuerySelectorAll("a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal(("Full notice (everyone)", "../websites/changes/2026-01-01/"), changed[0]);
        Assert.Contains(("EU, EEA, UK and Swiss residents", "../websites/europe/changes/2026-01-01/"), changed);
    }

    [Fact]
    public void A_handful_of_audiences_stays_a_row_of_links()
    {
        var nav = Page("websites/index.html").QuerySelector("nav.audiences")!;
        Assert.Null(nav.QuerySelector("details"));
        Assert.Equal(5, nav.QuerySelectorAll("a").Length);
    }

    private IDocument Page(string path) => new HtmlParser().ParseDocument(sample.Site.Read("_site/" + path));

    private static string? Label(IDocument page, string section) =>
        page.QuerySelector($"section#{section} > .section-head > p.applies-section")?.TextContent;
}
