using NoticeGen.Check;
using NoticeGen.Load;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Load;

/// <summary>
/// A typo of a known key can never pass as a parameter: free-form values live under 'params:', every other key is
/// known, and an unknown one is an error with the key it was probably meant to be.
/// </summary>
public sealed class SiteConfigTests
{
    private const string Minimal = """
        site:
          title: Acme Privacy
        jurisdictions:
          eu: EU/EEA
        notices:
          - id: web
            title: Website Privacy Notice
            sections: [contact]
        """;

    [Theory]
    [InlineData("    sections: [contact]", "    numberd: false\n    sections: [contact]", "site.yml:8:5: error: Unknown key 'numberd' in a notice. Did you mean 'numbered'?")]
    [InlineData("  title: Acme Privacy", "  title: Acme Privacy\n  baseurl: https://example.com/", "site.yml:3:3: error: Unknown key 'baseurl' in 'site'. Did you mean 'base_url'?")]
    [InlineData("notices:", "notice:\n  - x\nnotices:", "site.yml:5:1: error: Unknown key 'notice' in site.yml. Did you mean 'notices'?")]
    [InlineData("  title: Acme Privacy", "  title: Acme Privacy\n  organization: Acme", "site.yml:3:3: error: Unknown key 'organization' in 'site'. Put free-form values under 'params:'.")]
    [InlineData("  eu: EU/EEA", "  eu: {name: EU/EEA, lawz: [gdpr]}", "site.yml:4:22: error: Unknown key 'lawz' in jurisdiction 'eu'. Did you mean 'laws'?")]
    public void A_mistyped_key_is_an_error_with_what_it_probably_meant(string from, string to, string expected)
    {
        var error = Assert.Throws<UserErrorException>(() => SiteLoader.Load(Minimal.Replace(from, to, StringComparison.Ordinal)));
        Assert.StartsWith(expected, Assert.Single(error.Diagnostics).ToString());
        Assert.Equal(Codes.UnknownKey, error.Diagnostics[0].Code);
    }

    [Theory]
    [InlineData("example.com/privacy/")]
    [InlineData("ftp://example.com/privacy/")]
    [InlineData("/legal/privacy/")]
    public void Base_url_must_be_an_absolute_http_or_https_url(string baseUrl)
    {
        var error = Assert.Throws<UserErrorException>(() => SiteLoader.Load(Minimal.Replace("  title: Acme Privacy", $"  title: Acme Privacy\n  base_url: {baseUrl}", StringComparison.Ordinal)));
        var finding = Assert.Single(error.Diagnostics);
        Assert.Equal(Codes.BaseUrl, finding.Code);
        Assert.Equal("site.yml:3:13", finding.Where.ToString());
    }

    /// <summary>Page addresses are written after base_url as it is: anything but the address itself would break or leak them.</summary>
    [Theory]
    [InlineData("https://example.com/?lang=en", "has a query or fragment")]   // was: https://example.com/?lang=en/sitemap.xml
    [InlineData("https://example.com/privacy#top", "has a query or fragment")]
    [InlineData("https://editor:secret@example.com/", "holds a user name or password")]
    [InlineData("\"https://example.com/our privacy/\"", "holds a character a URL cannot hold")]
    [InlineData("\"https://example.com/a\\u202Eb/\"", "holds a character a URL cannot hold")]
    public void Base_url_must_be_the_address_alone(string baseUrl, string expected)
    {
        var error = Assert.Throws<UserErrorException>(() => SiteLoader.Load(Minimal.Replace("  title: Acme Privacy", $"  title: Acme Privacy\n  base_url: {baseUrl}", StringComparison.Ordinal)));
        var finding = Assert.Single(error.Diagnostics);
        Assert.Equal(Codes.BaseUrl, finding.Code);
        Assert.Equal("site.yml:3:13", finding.Where.ToString());
        Assert.Contains(expected, finding.Message);
    }

    [Theory]
    [InlineData("https://example.com/legal/privacy/")]
    [InlineData("http://localhost:8080")]
    [InlineData("https://bücher.example/datenschutz/")]
    public void Base_url_of_an_address_alone_is_accepted(string baseUrl) =>
        Assert.Equal(baseUrl, SiteLoader.Load(Minimal.Replace("  title: Acme Privacy", $"  title: Acme Privacy\n  base_url: {baseUrl}", StringComparison.Ordinal)).Site.BaseUrl);

    [Fact]
    public void Params_are_read_with_their_positions_and_cannot_hide_a_built_in_member()
    {
        var site = SiteLoader.Load(Minimal.Replace("  title: Acme Privacy", "  title: Acme Privacy\n  params:\n    organization: Acme, Inc.", StringComparison.Ordinal));
        Assert.Equal([new("organization", "Acme, Inc.")], site.Site.Params);
        Assert.Equal("site.yml:4:5", site.Site.ParamSpans.Single().Value.ToString());

        var error = Assert.Throws<UserErrorException>(() => SiteLoader.Load(Minimal.Replace("    sections: [contact]", "    sections: [contact]\n    params:\n      title: Other", StringComparison.Ordinal)));
        Assert.Contains("The parameter 'title' would hide notice.title.", error.Diagnostics[0].Message);
    }

    [Theory]
    [InlineData("False", false)]
    [InlineData("NO", false)]
    [InlineData("True", true)]
    [InlineData("yes", true)]
    public void Booleans_are_read_as_YAML_and_the_schemas_read_them_whatever_their_case(string written, bool numbered)
    {
        var site = SiteLoader.Load(Minimal.Replace("    sections: [contact]", $"    numbered: {written}\n    sections: [contact]", StringComparison.Ordinal));
        Assert.Equal(numbered, site.Notices[0].Numbered);
    }

    [Fact]
    public void Release_snapshots_written_before_params_existed_still_load()
    {
        var legacy = "site:\n  title: \"T\"\n  organization: \"Acme\"\njurisdictions:\n  eu: \"EU\"\naudiences:\nnotices:\n  - id: \"web\"\n    title: \"W\"\n    slug: \"web\"\n    numbered: true\n    sections: [\"contact\"]\n    product: \"Acme Web\"\n";
        var site = SiteLoader.Load(legacy, "content/releases/2025-01-01/site.yml", snapshot: true);
        Assert.Equal([new("organization", "Acme")], site.Site.Params);
        Assert.Equal([new("product", "Acme Web")], site.Notices[0].Params);
        Assert.Throws<UserErrorException>(() => SiteLoader.Load(legacy));
    }

    [Fact]
    public void The_shipped_templates_build_a_minimal_site_and_it_checks_clean()
    {
        using var site = TempSite.FromFixture("mini");
        Directory.Delete(site.PathOf("content"), recursive: true);
        site.Write("site.yml", Minimal);
        site.Write("content/contact.md", "---\nid: contact\ntitle: Contact us\n---\nWrite to privacy@acme.test.\n");
        TestSupport.Cli.Build(site, "--now", "2026-01-01");
        var page = Html.Page(site, "web/");
        Assert.Equal("Acme Privacy", page.QuerySelector("footer")!.TextContent.Trim());
        var check = TestSupport.Cli.Run("check", "--site", site.Dir, "--now", "2026-01-01", "--format", "json");
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("\"errors\": 0", check.Stdout);
    }
}
