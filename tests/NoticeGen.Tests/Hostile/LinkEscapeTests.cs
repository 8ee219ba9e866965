using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Hostile;

/// <summary>
/// Nothing outside the site folder is read or published, whatever links point there: a fragment, a folder of
/// fragments, a template, a theme asset, a rule file, an archived release file or manifest. Each is a located error
/// (NG1011), and no output file ever holds the password file's first line.
/// </summary>
public sealed class LinkEscapeTests : IDisposable
{
    private const string Passwd = "/etc/passwd";
    private const string PasswdLine = "root:x:0:0";

    private readonly HostileSite _hostile = new();

    /// <summary>Files outside the site that links point to: stand-ins for anything private on the machine.</summary>
    private readonly TempSite _outside = TempSite.FromFixture("mini");

    public void Dispose()
    {
        _hostile.Dispose();
        _outside.Dispose();
    }

    [Fact]
    public void A_fragment_that_is_a_link_to_the_password_file_is_never_read()
    {
        Assert.Contains(PasswdLine, File.ReadAllText(Passwd)); // the test is only meaningful with the real file there
        File.CreateSymbolicLink(_hostile.Site.PathOf("content/passwd.md"), Passwd);
        _hostile.Refused("content/passwd.md:1:1: error: This file is a link to a file outside the site folder, and is not read.", "[NG1011]");
        Assert.False(_hostile.OutputContains(PasswdLine));
    }

    [Fact]
    public void A_linked_folder_of_fragments_outside_the_site_is_never_read()
    {
        _outside.Write("leak/secret.md", $"---\nid: secret\ntitle: Secret\n---\n{PasswdLine}:root:/root:/bin/bash\n");
        Directory.CreateSymbolicLink(_hostile.Site.PathOf("content/shared"), _outside.PathOf("leak"));
        _hostile.Site.Replace("site.yml", "sections: [covers, contact]", "sections: [covers, secret, contact]");
        _hostile.Refused("content/shared/secret.md:1:1: error: This file is a link to a file outside the site folder, and is not read.", "[NG1011]");
        Assert.False(_hostile.OutputContains(PasswdLine));
    }

    [Theory]
    [InlineData("../outside/secret.md")] // through a linked folder inside the site
    [InlineData("../outside/../outside/secret.md")] // with a '..' after the linked folder, which the kernel reads physically
    public void A_fragment_linked_through_a_linked_folder_outside_is_never_read(string target)
    {
        _outside.Write("leak/secret.md", $"---\nid: secret\ntitle: Secret\n---\n{PasswdLine}:root:/root:/bin/bash\n");
        Directory.CreateSymbolicLink(_hostile.Site.PathOf("content/outside"), _outside.PathOf("leak"));
        Directory.CreateDirectory(_hostile.Site.PathOf("content/fragments"));
        File.CreateSymbolicLink(_hostile.Site.PathOf("content/fragments/secret.md"), target);
        _hostile.Site.Replace("site.yml", "sections: [covers, contact]", "sections: [covers, secret, contact]");
        _hostile.Refused("content/fragments/secret.md:1:1: error: This file is a link to a file outside the site folder, and is not read.", "[NG1011]");
        Assert.False(_hostile.OutputContains(PasswdLine));
    }

    [Fact]
    public void A_loop_of_links_is_refused_as_outside_the_site()
    {
        File.CreateSymbolicLink(_hostile.Site.PathOf("content/a.md"), "b.md");
        File.CreateSymbolicLink(_hostile.Site.PathOf("content/b.md"), "a.md");
        _hostile.Refused("content/a.md:1:1: error: This file is a link to a file outside the site folder, and is not read.", "[NG1011]");
    }

    [Fact]
    public void A_template_that_is_a_link_outside_is_never_read()
    {
        File.Delete(_hostile.Site.PathOf("templates/page.sbn"));
        File.CreateSymbolicLink(_hostile.Site.PathOf("templates/page.sbn"), Passwd);
        _hostile.Refused("templates/page.sbn:1:1: error: This file is a link to a file outside the site folder, and is not read.", "[NG1011]");
        Assert.False(_hostile.OutputContains(PasswdLine));
    }

    [Fact]
    public void A_theme_asset_that_is_a_link_outside_is_never_published()
    {
        File.CreateSymbolicLink(_hostile.Site.PathOf("templates/assets/passwd.txt"), Passwd);
        _hostile.Refused("templates/assets/passwd.txt:1:1: error: This asset is a link to a file outside the site folder, and is not published.", "[NG1011]");
        Assert.False(_hostile.OutputContains(PasswdLine));
    }

    [Fact]
    public void A_content_asset_that_is_a_link_outside_is_never_published()
    {
        Directory.CreateDirectory(_hostile.Site.PathOf("content/assets"));
        File.CreateSymbolicLink(_hostile.Site.PathOf("content/assets/passwd.txt"), Passwd);
        _hostile.Refused("content/assets/passwd.txt:1:1: error: This asset is a link to a file outside the site folder, and is not published.", "[NG1011]");
        Assert.False(_hostile.OutputContains(PasswdLine));
    }

    [Fact]
    public void A_rule_file_that_is_a_link_outside_is_never_read()
    {
        Directory.CreateDirectory(_hostile.Site.PathOf("rules"));
        File.CreateSymbolicLink(_hostile.Site.PathOf("rules/gdpr.yml"), Passwd);
        _hostile.Refused("rules/gdpr.yml:1:1: error: This file is a link to a file outside the site folder, and is not read.", "[NG1011]");
    }

    [Theory]
    [InlineData("contact.md", "content/releases/2026-01-01/contact.md:1:1: error: This archived file is a link to a file outside the site folder, and is not read.")]
    [InlineData("release.yml", "content/releases/2026-01-01/release.yml:1:1: error: This release manifest is a link to a file outside the site folder, and is not read.")]
    public void An_archived_file_that_is_a_link_outside_is_never_read(string file, string expected)
    {
        var released = TestSupport.Cli.Run("release", "--site", _hostile.Site.Dir, "--effective", "2026-01-01", "--summary", "First release");
        Assert.True(released.ExitCode == 0, released.Stderr);
        _hostile.Rebaseline();

        // The link leads to an exact copy, so only where the file lies is wrong: the hashes would all match.
        var archived = _hostile.Site.PathOf("content/releases/2026-01-01/" + file);
        var copy = _outside.PathOf("copy-of-" + file);
        File.Copy(archived, copy);
        File.Delete(archived);
        File.CreateSymbolicLink(archived, copy);
        _hostile.Refused(expected, "[NG1011]");
    }

    [Fact]
    public void A_link_that_stays_inside_the_site_is_read()
    {
        // Links are refused for where they lead, not for being links: a shared file kept elsewhere in the site is fine.
        File.Move(_hostile.Site.PathOf(HostileSite.Covers), _hostile.Site.PathOf("shared-covers.md"));
        File.CreateSymbolicLink(_hostile.Site.PathOf(HostileSite.Covers), "../shared-covers.md");
        _hostile.Built();
        Assert.Contains("This policy covers the Acme Websites.", Html.Page(_hostile.Site, "web/").GetElementById("covers")!.TextContent);
    }
}
