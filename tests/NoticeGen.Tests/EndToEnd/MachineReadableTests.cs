using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AngleSharp.Dom;
using Json.Schema;
using NoticeGen.Output;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.EndToEnd;

/// <summary>
/// What tools around a notice read (consent banners recording which version a person saw, archives, monitors):
/// notices.json, each page's JSON twin, the sitemap, robots.txt and canonical links.
/// </summary>
public sealed class MachineReadableTests(SampleSiteFixture sample) : IClassFixture<SampleSiteFixture>
{
    private string Out => sample.Site.Out;

    [Fact]
    public void Notices_json_validates_against_its_schema_and_lists_every_version_of_every_page()
    {
        var schema = JsonSchema.FromText(PageRecords.Schema());
        var notices = JsonNode.Parse(File.ReadAllText(Path.Combine(Out, "notices.json")))!;
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "notices.json")));
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

        // The schema is not a formality: a wrong status fails it.
        using var broken = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "notices.json")).Replace("\"in-force\"", "\"in force\"", StringComparison.Ordinal));
        Assert.False(schema.Evaluate(broken.RootElement).IsValid);
        Assert.Equal(File.ReadAllText(Path.Combine(Out, PageRecords.SchemaFile)), PageRecords.Schema());

        Assert.Equal(["websites", "platform", "eself"], notices["notices"]!.AsArray().Select(n => (string)n!["id"]!));
        var websites = notices["notices"]![0]!["pages"]!.AsArray();
        Assert.Equal(5, websites.Count);
        var full = websites[0]!;
        Assert.Equal("all", (string)full["audience"]!);
        Assert.Equal(["2025-01-01", "2025-05-04", "2025-11-11", "2026-01-01"], full["versions"]!.AsArray().Select(v => (string)v!["version"]!));
        Assert.Equal("in-force", (string)full["versions"]![3]!["status"]!);
        Assert.Equal("https://example.com/legal/privacy/websites/", (string)full["current"]!["url"]!);
    }

    [Fact]
    public void Every_hash_is_the_sha256_of_the_published_pages_text()
    {
        var notices = JsonNode.Parse(File.ReadAllText(Path.Combine(Out, "notices.json")))!;
        var checkedPages = 0;
        foreach (var version in notices["notices"]!.AsArray().SelectMany(n => n!["pages"]!.AsArray()).SelectMany(p => p!["versions"]!.AsArray()))
        {
            var page = Html.Load(Path.Combine(Out, (string)version!["path"]!, "index.html"));
            Assert.Equal((string)version["sha256"]!, Recompute(page));
            checkedPages++;
        }

        Assert.Equal(45, checkedPages); // (4 + 3 + 2 releases) x 5 pages
    }

    [Fact]
    public void Each_page_has_a_json_twin_with_its_sections_and_the_same_hash()
    {
        var twin = JsonNode.Parse(File.ReadAllText(Path.Combine(Out, "websites", "california", "index.json")))!;
        var page = Html.Page(sample.Site, "websites/california/");
        Assert.Equal("current", (string)twin["status"]!);
        Assert.Equal("2026-01-01", (string)twin["version"]!);
        Assert.Equal(page.QuerySelector("meta[name='dcterms.modified']")!.GetAttribute("content"), (string)twin["lastUpdated"]!);
        var sections = twin["sections"]!.AsArray();
        Assert.Equal(page.QuerySelectorAll("article > section").Select(s => s.Id), sections.Select(s => (string)s!["id"]!));
        Assert.Equal(1, (int)sections[0]!["number"]!);
        Assert.Equal("What this Privacy Notice covers", (string)sections[0]!["title"]!);
        Assert.Contains("<p>", (string)sections[0]!["html"]!);
        Assert.Equal(Recompute(page), (string)twin["sha256"]!);
        Assert.Equal("index.json", page.QuerySelector("link[rel=alternate][type='application/json']")!.GetAttribute("href"));
    }

    [Fact]
    public void The_sitemap_lists_every_current_page_with_its_stamp_and_robots_points_to_it()
    {
        var sitemap = XDocument.Load(Path.Combine(Out, "sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var entries = sitemap.Root!.Elements(ns + "url").ToDictionary(u => u.Element(ns + "loc")!.Value, u => u.Element(ns + "lastmod")?.Value);
        Assert.Equal(16, entries.Count); // the index and 15 notice pages
        foreach (var folder in new[] { "websites/", "websites/california/", "platform/europe/", "eself/" })
        {
            var stamp = Html.Page(sample.Site, folder).QuerySelector("meta[name='dcterms.modified']")!.GetAttribute("content");
            Assert.Equal(stamp, entries["https://example.com/legal/privacy/" + folder]);
        }

        Assert.Equal("2026-01-01", entries["https://example.com/legal/privacy/"]);
        Assert.Contains("Sitemap: https://example.com/legal/privacy/sitemap.xml", File.ReadAllText(Path.Combine(Out, "robots.txt")));
    }

    [Fact]
    public void Archived_versions_name_the_current_page_as_canonical()
    {
        Assert.Equal("https://example.com/legal/privacy/websites/california/",
            Html.Page(sample.Site, "websites/california/2025-01-01/").QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Null(Html.Page(sample.Site, "websites/california/").QuerySelector("link[rel=canonical]"));
    }

    /// <summary>The text the hash is of, read from the page as a tool would: the h1, then each section's heading and body text.</summary>
    private static string Recompute(IDocument page)
    {
        var sections = page.QuerySelectorAll("article > section").Select(s =>
        {
            var body = (IElement)s.Clone();
            foreach (var chrome in body.QuerySelectorAll(".section-head").ToList())
            {
                chrome.Remove();
            }

            return (s.QuerySelector("h2")!.TextContent, PageText.Fold(body.TextContent));
        });
        return PageText.Hash(page.QuerySelector("h1")!.TextContent, sections);
    }
}
