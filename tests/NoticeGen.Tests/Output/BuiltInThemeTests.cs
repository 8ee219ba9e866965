using NoticeGen.Output;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Output;

/// <summary>
/// The theme ships inside the tool: a site without templates/ is published with the built-in templates and stylesheet,
/// and a site's templates/ replaces them file by file (one partial, the stylesheet), with errors located in its files.
/// </summary>
public sealed class BuiltInThemeTests
{
    private static readonly string Templates = Path.Combine(Repo.Root, "templates");

    [Fact]
    public void The_embedded_theme_is_the_repository_templates_folder_file_for_file()
    {
        var files = Directory.EnumerateFiles(Templates, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Templates, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, BuiltInTheme.Files);
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(Templates, f)), BuiltInTheme.Read(f)));
    }

    [Fact]
    public void A_site_without_templates_builds_the_same_pages_as_with_a_copy_of_them()
    {
        using var copied = TempSite.FromFixture("mini");
        using var bare = WithoutTemplates();
        var withCopy = TestSupport.Cli.Build(copied, "--now", "2026-01-01");
        var result = TestSupport.Cli.Build(bare, "--now", "2026-01-01");

        Assert.Equal(withCopy.Stderr, result.Stderr); // the same findings: none about a missing template or an unused parameter
        var expected = TempSite.Snapshot(copied.Out);
        var actual = TempSite.Snapshot(bare.Out);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.Contains("assets/style.css", actual.Keys);
        Assert.All(expected, e => Assert.True(e.Value.AsSpan().SequenceEqual(actual[e.Key]), $"{e.Key} differs"));
    }

    [Fact]
    public void A_site_replaces_one_partial_and_keeps_the_rest_of_the_theme()
    {
        using var site = WithoutTemplates();
        site.Write("templates/partials/foot.sbn", "<footer class=\"site-footer\"><p>Our own footer for {{ site.title | html.escape }}</p></footer>\n</body>\n</html>\n");
        TestSupport.Cli.Build(site, "--now", "2026-01-01");

        var page = Html.Page(site, "web");
        Assert.Equal("Our own footer for Mini", page.QuerySelector("footer")!.TextContent);
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][href$='assets/style.css']")); // head.sbn is still the built-in one
        Assert.Equal(File.ReadAllBytes(Path.Combine(Templates, "assets", "style.css")), File.ReadAllBytes(Path.Combine(site.Out, "assets", "style.css")));
    }

    [Fact]
    public void A_site_stylesheet_replaces_the_built_in_one_and_its_other_assets_are_published_beside_it()
    {
        using var site = WithoutTemplates();
        site.Write("templates/assets/style.css", "body { color: rebeccapurple; }\n");
        site.Write("templates/assets/icons/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        TestSupport.Cli.Build(site, "--now", "2026-01-01");

        Assert.Equal("body { color: rebeccapurple; }\n", File.ReadAllText(Path.Combine(site.Out, "assets", "style.css")));
        Assert.True(File.Exists(Path.Combine(site.Out, "assets", "icons", "logo.svg")));
    }

    [Fact]
    public void An_include_of_a_partial_that_exists_nowhere_is_located_in_the_site_template_and_names_those_that_exist()
    {
        using var site = WithoutTemplates();
        site.Write("templates/page.sbn", File.ReadAllText(Path.Combine(Templates, "page.sbn"))
            .Replace("{{ include \"partials/foot.sbn\" }}", "{{ include \"partials/footer.sbn\" }}", StringComparison.Ordinal));
        Assert.Contains("partials/footer.sbn", site.Read("templates/page.sbn"));

        var result = TestSupport.Cli.Run("build", "--site", site.Dir, "--now", "2026-01-01");
        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"templates/page\.sbn:\d+:\d+: error: Template error: There is no template 'partials/footer\.sbn' in templates/ or the built-in theme \(.*partials/foot\.sbn.*\) to include", result.Stderr);
        Assert.False(Directory.Exists(site.Out));
    }

    [Fact]
    public void Site_parameters_that_only_the_built_in_footer_uses_are_not_reported_unused()
    {
        // The mini site's text never writes {{ site.organization }} or {{ site.contact_email }}: the footer asks for them.
        using var site = WithoutTemplates();
        Assert.DoesNotContain("site.organization", string.Concat(Directory.EnumerateFiles(site.PathOf("content"), "*.md").Select(File.ReadAllText)));

        var result = TestSupport.Cli.Run("check", "--site", site.Dir, "--now", "2026-01-01");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("NG5002", result.Stdout + result.Stderr);
        site.Replace("site.yml", "    contact_email: dpo@acme.test", "    contact_email: dpo@acme.test\n    fax: 555-0100");
        Assert.Contains("The parameter site.fax of site.yml is not used", TestSupport.Cli.Run("check", "--site", site.Dir, "--now", "2026-01-01").Stdout);
    }

    [Fact]
    public void The_html_redline_of_a_site_without_templates_carries_the_built_in_stylesheet()
    {
        using var site = WithoutTemplates();
        var result = TestSupport.Cli.Run("diff", "--site", site.Dir, "--format", "html");
        Assert.Equal(1, result.ExitCode);
        var css = File.ReadAllText(Path.Combine(Templates, "assets", "style.css"));
        Assert.Contains(css.Split('\n').First(l => l.Contains('{')).Trim(), result.Stdout);
    }

    private static TempSite WithoutTemplates()
    {
        var site = TempSite.FromFixture("mini");
        Directory.Delete(site.PathOf("templates"), recursive: true);
        return site;
    }
}
