namespace NoticeGen.Tests.Hostile;

/// <summary>A site.yml that is missing, empty, or not a mapping at all is refused at its first line, saying what it should be.</summary>
public sealed class SiteFileTests : IDisposable
{
    private readonly HostileSite _hostile = new();

    public void Dispose() => _hostile.Dispose();

    [Fact]
    public void A_missing_site_yml_says_where_to_run()
    {
        File.Delete(_hostile.Site.PathOf("site.yml"));
        _hostile.Refused($"site.yml:1:1: error: site.yml was not found in {_hostile.Site.Dir}. Run the command in the site folder, or pass --site DIR. [NG1010]");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# notices come later\n")]
    [InlineData("\uFEFF")]
    [InlineData("---\n...\n")]
    public void An_empty_site_yml_is_named_as_empty(string text)
    {
        _hostile.Site.Write("site.yml", text);
        _hostile.Refused("site.yml:1:1: error: site.yml is empty. Write its four sections, site:, jurisdictions:, audiences: and notices:", "[NG1004]");
    }

    [Theory]
    [InlineData("- site\n- notices\n", "site.yml:1:1:")]
    [InlineData("just a sentence\n", "site.yml:1:1:")]
    [InlineData("[site, notices]\n", "site.yml:1:1:")]
    public void A_site_yml_that_is_not_a_mapping_is_refused(string text, string where)
    {
        _hostile.Site.Write("site.yml", text);
        _hostile.Refused(where + " error: site.yml must be a set of 'key: value' lines.", "[NG1004]");
    }

    [Fact]
    public void A_site_yml_of_two_documents_is_refused_at_the_second()
    {
        _hostile.Site.Write("site.yml", _hostile.Site.Read("site.yml") + "---\nsite:\n  title: Another\n");
        _hostile.Refused("error: This file holds more than one YAML document.", "[NG1001]");
    }

    [Fact]
    public void A_folder_named_site_yml_is_not_a_site_yml()
    {
        File.Delete(_hostile.Site.PathOf("site.yml"));
        Directory.CreateDirectory(_hostile.Site.PathOf("site.yml"));
        _hostile.Refused($"site.yml:1:1: error: site.yml was not found in {_hostile.Site.Dir}.", "[NG1010]");
    }
}
