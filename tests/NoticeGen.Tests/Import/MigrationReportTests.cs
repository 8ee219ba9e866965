namespace NoticeGen.Tests.Import;

/// <summary>The word comparison is not a formality: what NoticeGen would show differently from the source is reported.</summary>
public sealed class MigrationReportTests : IDisposable
{
    private readonly ImportTarget _target = new();

    public void Dispose() => _target.Dispose();

    [Fact]
    public void Raw_html_that_noticegen_shows_as_text_is_a_difference_and_listed_as_shown_as_text()
    {
        using var page = new TempFile("policy.md",
            "# Acme Privacy Policy\n\n## What we collect\n\nYour <span class=\"hl\">email</span> address.\n\n<!-- legal: check -->\n\n## Contact\n\nWrite to us.\n");

        var result = _target.Import(page.Path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        // The comment stays in the fragment for editors and, as on the source page, is not shown to readers: no difference.
        Assert.Contains("  acme: 1 difference (source 13 words, page 14):\n    source: “email”  page: “<span class=\"hl\">email</span>”\n",
            result.Stdout, StringComparison.Ordinal);
        Assert.Contains("policy.md:5:6: “<span class=\"hl\">”: raw HTML is shown as text by NoticeGen.", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("legal: check", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("See the differences above; the full report is in import-report.html.\n", result.Stdout, StringComparison.Ordinal);

        var html = _target.Read("import-report.html");
        Assert.Contains("<del><span class=\"visually-hidden\">removed: </span>email</del> <ins><span class=\"visually-hidden\">added: </span>&lt;span", html, StringComparison.Ordinal);
        Assert.Contains("Some pages differ from their source", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_templates_of_its_own_the_import_is_compared_through_the_built_in_theme()
    {
        using var bare = new ImportTarget(templates: false);
        using var page = new TempFile("policy.md", "# Acme Privacy Policy\n\n## What we collect\n\nYour email address.\n\n## Contact\n\nWrite to us.\n");

        var result = TestSupport.Cli.Run("import", page.Path, "--into", bare.Dir);

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("Every page NoticeGen composes says what its source says, word for word.\n", result.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(bare.Dir, "templates")));
    }
}
