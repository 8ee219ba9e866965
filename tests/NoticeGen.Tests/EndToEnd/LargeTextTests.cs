using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.EndToEnd;

/// <summary>Scriban truncates long output silently by default; a long notice must come out whole, never cut.</summary>
public sealed class LargeTextTests
{
    [Fact]
    public void A_section_longer_than_the_template_engines_default_limits_is_published_whole()
    {
        using var site = TempSite.FromFixture("mini");
        var paragraph = string.Concat(Enumerable.Repeat("Personal Information may be processed in other countries. ", 40)) + "\n\n";
        var body = string.Concat(Enumerable.Repeat(paragraph, 120)) + "The last sentence of the notice.";
        Assert.True(body.Length > 250_000);
        site.Write("content/contact.md", "---\nid: contact\ntitle: Contact\n---\n" + body + "\n");

        TestSupport.Cli.Build(site);
        var section = Html.Page(site, "web/").GetElementById("contact")!;
        Assert.EndsWith("The last sentence of the notice.", section.QuerySelectorAll("p").Last().TextContent);
        Assert.Equal(121, section.QuerySelectorAll("p").Length);
    }
}
