using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Cli;

/// <summary>
/// Every error a user can cause: one line naming file:line:column, what is wrong and what to do; exit code 2;
/// and the previous output left exactly as it was.
/// </summary>
public sealed class BuildErrorTests : IDisposable
{
    private readonly TempSite _site = TempSite.FromFixture("mini");
    private readonly SortedDictionary<string, byte[]> _before;

    public BuildErrorTests()
    {
        TestSupport.Cli.Build(_site);
        _before = TempSite.Snapshot(_site.Out);
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Malformed_front_matter_names_the_fragment_line()
    {
        _site.Replace("content/covers.md", "title: What this notice covers", "title: [What this notice covers");
        AssertFails("content/covers.md:3:1: error: This is not valid YAML", "Check the indentation and quoting");
    }

    [Fact]
    public void Front_matter_that_is_never_closed_is_an_error()
    {
        _site.Write("content/contact.md", "---\nid: contact\ntitle: Contact\nWrite to us.\n");
        AssertFails("content/contact.md:1:1: error: The front matter is never closed.", "Add a line '---'");
    }

    [Fact]
    public void Unknown_jurisdiction_in_a_fragment()
    {
        _site.Replace("content/ccpa.md", "jurisdictions: [california]", "jurisdictions: [californa]");
        AssertFails("content/ccpa.md:4:17: error: Unknown jurisdiction 'californa'.", "Use one of the ids under 'jurisdictions' in site.yml");
    }

    [Fact]
    public void Unknown_jurisdiction_in_an_audience()
    {
        _site.Replace("site.yml", "jurisdictions: [california]", "jurisdictions: [calif]");
        AssertFails("site.yml:13:21: error: Unknown jurisdiction 'calif' in audience 'california'.", "or add it under 'jurisdictions'");
    }

    [Fact]
    public void Every_mistake_in_site_yml_is_reported_in_one_run()
    {
        _site.Replace("site.yml", "jurisdictions: [california]", "jurisdictions: [calif]");
        _site.Replace("site.yml", "  - id: app", "  - id: App");
        AssertFails("site.yml:13:21: error: Unknown jurisdiction 'calif'", "site.yml:21:9: error: 'App' is not a valid notice id.");
    }

    [Fact]
    public void Unknown_jurisdiction_in_applies()
    {
        _site.Replace("content/covers.md", "applies \"eu\"", "applies \"europe\"");
        AssertFails("content/covers.md:5:", "Unknown jurisdiction 'europe' in 'applies'");
    }

    [Fact]
    public void Unknown_jurisdiction_in_applies_is_found_even_in_a_branch_no_page_takes()
    {
        _site.Replace("content/contact.md", "Write to", "{{ if notice.id == \"none\" }}{{ if applies \"texsa\" }}x{{ end }}{{ end }}Write to");
        AssertFails("content/contact.md:5:44: error: Unknown jurisdiction 'texsa' in 'applies'.");
    }

    [Fact]
    public void Including_an_unknown_fragment_names_the_include()
    {
        _site.Replace("content/contact.md", "Write to", "{{ include \"adress\" }} Write to");
        AssertFails("content/contact.md:5:13: error: There is no fragment with id 'adress' to include.");
    }

    [Fact]
    public void Include_takes_only_a_quoted_id_so_a_release_can_freeze_what_it_needs()
    {
        _site.Replace("content/contact.md", "Write to", "{{ x = \"covers\"; include x }} Write to");
        AssertFails("content/contact.md:5:18: error: 'include' must name a fragment id in quotes.");
    }

    [Fact]
    public void A_notice_cannot_take_the_changelogs_folder()
    {
        _site.Replace("site.yml", "  - id: app", "  - id: changes");
        AssertFails("site.yml:21:9: error: A notice cannot be published at /changes/", "Give the notice another id, or a 'slug:' of its own.");
    }

    [Fact]
    public void Fragments_that_include_each_other_are_named()
    {
        _site.Write("content/a.md", "---\nid: a\n---\nA {{ include \"b\" }}\n");
        _site.Write("content/b.md", "---\nid: b\n---\nB {{ include \"a\" }}\n");
        _site.Replace("content/contact.md", "Write to", "{{ include \"a\" }} Write to");
        AssertFails("content/b.md:4:15: error: Fragments include each other in a circle: a → b → a.");
    }

    [Fact]
    public void An_error_inside_an_included_fragment_has_that_fragments_own_line()
    {
        _site.Write("content/address.md", "---\nid: address\n---\nAcme, {{ site.adress }}\n");
        _site.Replace("content/contact.md", "Write to", "{{ include \"address\" }} Write to");
        AssertFails("content/address.md:4:", "adress");
    }

    [Fact]
    public void Reference_to_an_unknown_notice()
    {
        _site.Replace("content/home.md", "(notice:app#contact)", "(notice:apps#contact)");
        AssertFails("content/home.md:4:69: error: The reference 'notice:apps#contact' names the notice 'apps', which does not exist.", "Use one of the notice ids in site.yml (web, app)");
    }

    [Fact]
    public void Duplicate_fragment_id_names_both_files()
    {
        _site.Write("content/more/contact-again.md", "---\nid: contact\ntitle: Contact again\n---\nText.\n");
        AssertFails("content/more/contact-again.md:2:5: error: The fragment id 'contact' is already used by content/contact.md.", "Give each fragment its own id");
    }

    [Fact]
    public void Section_listed_but_missing_suggests_the_closest_id()
    {
        _site.Replace("site.yml", "sections: [covers, ccpa, gdpr, contact]", "sections: [covers, ccpa, gdpr, contacts]");
        AssertFails("site.yml:20:36: error: Notice 'web' lists the section 'contacts', but no fragment has that id.", "(or did you mean 'contact'?)");
    }

    [Fact]
    public void Unresolved_reference_to_an_unknown_section()
    {
        _site.Replace("content/ccpa.md", "[](#contact)", "[](#contcat)");
        AssertFails("content/ccpa.md:6:51: error: The reference '#contcat' names the section 'contcat', but no section has that id.", "Use the id from the target fragment's front matter.");
    }

    [Fact]
    public void Reference_to_a_section_filtered_out_of_the_page_needs_a_fallback()
    {
        _site.Replace("content/covers.md", "[](#gdpr \"the GDPR section\")", "[](#gdpr)");
        _site.Replace("content/covers.md", "{{ if applies \"eu\" }}", "{{ if true }}");
        AssertFails("content/covers.md:5:", "The section 'gdpr' is not on the web page for California residents. Say what to show when it is absent, as the link title");
    }

    [Fact]
    public void Template_syntax_error_in_a_fragment_has_the_fragments_line()
    {
        _site.Replace("content/contact.md", "Write to", "Write {{ if notice.product }} to");
        AssertFails("content/contact.md:5:", "error: Template syntax error", "every 'if'/'for' its 'end'");
    }

    [Fact]
    public void Unknown_variable_in_a_fragment()
    {
        _site.Replace("content/web-intro.md", "{{ notice.product }}", "{{ notice.produkt }}");
        AssertFails("content/web-intro.md:4:", "error: Template error:", "produkt", "notice.KEY come from site.yml");
    }

    [Fact]
    public void Unknown_variable_in_a_page_template_names_the_template()
    {
        _site.Replace("templates/page.sbn", "{{ page.title | html.escape }}</h1>", "{{ page.titel | html.escape }}</h1>");
        AssertFails("templates/page.sbn:", "error: Template error:", "titel");
    }

    [Fact]
    public void Template_syntax_error_in_a_page_template_names_the_template()
    {
        _site.Replace("templates/index.sbn", "{{~ for n in page.notices ~}}", "{{~ for n in page.notices ~}}{{ if }}");
        AssertFails("templates/index.sbn:", "error: Template syntax error");
    }

    [Fact]
    public void Yaml_aliases_are_refused()
    {
        _site.Replace("site.yml", "    organization: Acme, Inc.", "    organization: &org Acme, Inc.\n    legal_name: *org");
        AssertFails("site.yml:5:19: error: YAML anchors (&org) are not allowed", "write each value out in full");
    }

    [Fact]
    public void Yaml_type_tags_are_refused()
    {
        _site.Replace("content/ccpa.md", "title: Rights of California Residents", "title: !!python/object:os.system Rights");
        AssertFails("content/ccpa.md:3:8: error: YAML type tags (tag:yaml.org,2002:python/object:os.system) are not allowed", "write plain text");
    }

    [Fact]
    public void An_unused_fragment_is_a_warning_and_the_build_goes_on()
    {
        _site.Write("content/orphan.md", "---\nid: orphan\ntitle: Orphan\n---\nNobody lists me.\n");
        var result = TestSupport.Cli.Run("build", "--site", _site.Dir, "--out", _site.Out);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("content/orphan.md:2:5: warning: The fragment 'orphan' is not used by any notice.", result.Stderr);
        Assert.Contains("Add it to a notice's 'sections' in site.yml", result.Stderr);
    }

    [Fact]
    public void Hostile_links_in_a_fragment_never_become_live_links_anywhere_in_the_site()
    {
        _site.Replace("content/contact.md", "Write to", "<javascript:alert(4)> [x](javascript:y) ![i](JAVASCRIPT:z) [r][evil]\n\n[evil]: javascript:alert(5)\n\nWrite to");
        var result = TestSupport.Cli.Run("build", "--site", _site.Dir, "--out", _site.Out);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("content/contact.md:5:2: warning: The link 'javascript:alert(4)' uses an unsafe scheme", result.Stderr);
        foreach (var file in Directory.EnumerateFiles(_site.Out, "*.html", SearchOption.AllDirectories))
        {
            var document = Html.Load(file);
            var urls = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
                .Concat(document.QuerySelectorAll("img[src]").Select(i => i.GetAttribute("src")!));
            Assert.DoesNotContain(urls, u => u.Contains("script:", StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains("javascript:alert(4)", Html.Page(_site, "web/").GetElementById("contact")!.TextContent);
    }

    [Fact]
    public void An_unclosed_bracket_that_trips_the_yaml_scanner_is_still_a_diagnostic()
    {
        _site.Replace("site.yml", "  title: Mini", "  title: [Mini");
        AssertFails("site.yml:", "error: This is not valid YAML: a list or mapping in [ ] or { } is not closed");
    }

    [Fact]
    public void The_output_folder_cannot_be_the_site_folder()
    {
        var result = TestSupport.Cli.Run("build", "--site", _site.Dir, "--out", _site.Dir);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out:1:1: error: The output folder", result.Stderr);
        Assert.True(File.Exists(_site.PathOf("site.yml")));
    }

    [Theory]
    [InlineData("--now", "01/02/2026", "--now:1:1: error: '01/02/2026' is not a date in the form YYYY-MM-DD.")]
    [InlineData("--now", "2026-1-1", "--now:1:1: error: '2026-1-1' is not a date in the form YYYY-MM-DD.")]
    public void Ambiguous_build_dates_are_refused(string option, string value, string expected)
    {
        var result = TestSupport.Cli.Run("build", "--site", _site.Dir, "--out", _site.Out, option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
    }

    [Fact]
    public void An_out_of_range_SOURCE_DATE_EPOCH_is_explained()
    {
        var result = TestSupport.Cli.Run(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "99999999999999" }, "build", "--site", _site.Dir, "--out", _site.Out);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("SOURCE_DATE_EPOCH:1:1: error: SOURCE_DATE_EPOCH is '99999999999999', not a Unix time in seconds.", result.Stderr);
    }

    [Theory]
    [InlineData("")]
    [InlineData("title: \"\"\n")]
    [InlineData("title: \"   \"\n")]
    public void A_section_without_a_title_is_a_warning(string title)
    {
        _site.Replace("content/gdpr.md", "title: GDPR\n", title);
        var result = TestSupport.Cli.Run("build", "--site", _site.Dir, "--out", _site.Out);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("content/gdpr.md:2:5: warning: The section 'gdpr' has no title, so its heading shows its id. Add a 'title:' line", result.Stderr);
    }

    [Fact]
    public void An_output_folder_that_cannot_be_written_is_a_located_error()
    {
        var result = TestSupport.Cli.Run("build", "--site", _site.Dir, "--out", "/proc/noticegen-cannot-write-here");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out:1:1: error: The site could not be written to /proc/noticegen-cannot-write-here:", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void A_missing_site_yml_says_where_to_run()
    {
        File.Delete(_site.PathOf("site.yml"));
        AssertFails($"site.yml:1:1: error: site.yml was not found in {_site.Dir}.", "pass --site DIR");
    }

    private void AssertFails(params string[] expected)
    {
        var result = TestSupport.Cli.Run("build", "--site", _site.Dir, "--out", _site.Out);
        Assert.Equal(2, result.ExitCode);
        foreach (var text in expected)
        {
            Assert.Contains(text, result.Stderr);
        }

        Assert.DoesNotContain("   at ", result.Stderr); // no stack trace for a user's mistake
        Assert.Contains("nothing was written", result.Stderr);
        var after = TempSite.Snapshot(_site.Out);
        Assert.Equal(_before.Keys, after.Keys);
        foreach (var (path, bytes) in _before)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed although the build failed");
        }
    }
}
