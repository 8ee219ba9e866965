using System.Text;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.EndToEnd;

/// <summary>
/// The shipped templates handle a site of 10,000 pages: the index lists every notice and audience, past the loop limit
/// that guards fragment text (10,000 iterations), which the site's own templates are not held to.
/// </summary>
public sealed class LargeSiteTests
{
    [Fact]
    public void A_site_of_ten_thousand_pages_builds_with_an_index_listing_them_all()
    {
        const int notices = 1_000;
        const int audiences = 9;
        using var site = TempSite.FromFixture("mini");
        Directory.Delete(site.PathOf("content"), recursive: true);
        var yaml = new StringBuilder("site:\n  title: Many notices\njurisdictions:\n");
        for (var a = 0; a < audiences; a++)
        {
            yaml.Append($"  j{a}: Jurisdiction {a}\n");
        }

        yaml.Append("audiences:\n");
        for (var a = 0; a < audiences; a++)
        {
            yaml.Append($"  - id: a{a}\n    name: Audience {a}\n    jurisdictions: [j{a}]\n");
        }

        yaml.Append("notices:\n");
        for (var n = 0; n < notices; n++)
        {
            yaml.Append($"  - id: n{n}\n    title: Notice {n}\n    sections: [shared, own-{n}]\n");
            site.Write($"content/fragments/own-{n}.md", $"---\nid: own-{n}\ntitle: About notice {n}\n---\nThis notice covers product {n}. See [](#shared).\n");
        }

        site.Write("site.yml", yaml.ToString());
        site.Write("content/fragments/shared.md", "---\nid: shared\ntitle: Contact\n---\nWrite to us.\n");

        var result = TestSupport.Cli.Build(site, "--now", "2026-01-01");
        Assert.Contains($": {notices * (audiences + 1)} pages,", result.Stdout);
        var index = Html.Page(site, string.Empty);
        Assert.Equal(notices * (audiences + 2), index.QuerySelectorAll("main a[href]").Length); // each notice: its title, then its pages
        var last = Html.Page(site, $"n{notices - 1}/a{audiences - 1}/");
        Assert.Equal("section 1", last.QuerySelector("#own-999 p a")!.TextContent);
    }
}
