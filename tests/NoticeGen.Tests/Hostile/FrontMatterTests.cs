namespace NoticeGen.Tests.Hostile;

/// <summary>Broken front matter and site.yml are refused at the line that is wrong, saying what is wrong in words an editor knows.</summary>
public sealed class FrontMatterTests : IDisposable
{
    private readonly HostileSite _hostile = new();

    public void Dispose() => _hostile.Dispose();

    [Theory]
    [InlineData("content/covers.md", "---\nid: covers\ntitle: What this notice covers\nparams:\n  hours: 9 to 5\n\tdays: weekdays\n---\nText.\n", "content/covers.md:6:1:")]
    [InlineData("content/covers.md", "---\nid: covers\n  \ttitle: What this notice covers\n---\nText.\n", "content/covers.md:3:3:")]
    [InlineData("site.yml", null, "site.yml:3:1:")]
    public void A_tab_in_the_indentation_is_named_at_its_own_line(string file, string? text, string where)
    {
        _hostile.Site.Write(file, text ?? _hostile.Site.Read("site.yml").Replace("  intro: home", "\tintro: home", StringComparison.Ordinal));
        _hostile.Refused(where + " error: A tab indents this line; YAML indents with spaces only.", "Replace the tab with spaces", "[NG1001]");
    }

    [Theory]
    [InlineData("id: covers\ntitle: [What this notice covers", "content/covers.md:3:1: error: This is not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'.", "[NG1001]")]
    [InlineData("id: covers\ntitle: What: this notice: covers", "content/covers.md:3:12: error: This is not valid YAML", "values with a colon or quote need \"double quotes\"). [NG1001]")]
    [InlineData("id: covers\ntitle: \"What this notice covers\njurisdictions: [eu]", "content/covers.md:3:8: error: This is not valid YAML", "[NG1001]")]
    [InlineData("id: covers\ntitle: What this notice covers\ntitle: Something else", "content/covers.md:4:1: error: The key 'title' appears twice in this mapping.", "Keep one of them; YAML would silently use only one. [NG1006]")]
    [InlineData("id: covers\nid: contact", "content/covers.md:3:1: error: The key 'id' appears twice in this mapping.", "[NG1006]")]
    [InlineData("- id: covers", "content/covers.md:2:1: error: The front matter must be a set of 'key: value' lines.", "[NG1004]")]
    [InlineData("title: What this notice covers", "content/covers.md:2:1: error: This fragment has no 'id'. Add a line 'id: ...'.", "[NG1004]")]
    [InlineData("id: covers\ntitel: What this notice covers", "content/covers.md:3:1: error:", "'titel'", "[NG1003]")]
    public void Malformed_front_matter_is_refused_at_its_line(string frontMatter, params string[] expected)
    {
        _hostile.Site.Write(HostileSite.Covers, "---\n" + frontMatter + "\n---\nText.\n");
        _hostile.Refused(expected);
    }

    [Fact]
    public void A_key_twice_in_site_yml_is_refused_at_the_second()
    {
        _hostile.Site.Replace("site.yml", "  title: Mini\n", "  title: Mini\n  title: Maxi\n");
        _hostile.Refused("site.yml:3:3: error: The key 'title' appears twice in this mapping.", "YAML would silently use only one", "[NG1006]");
    }

    [Fact]
    public void A_notice_twice_in_site_yml_is_refused()
    {
        _hostile.Site.Replace("site.yml", "  - id: app\n", "  - id: web\n");
        _hostile.Refused("site.yml:", "'web'", "[NG1006]");
    }
}
