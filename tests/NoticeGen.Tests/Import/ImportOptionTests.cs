using NoticeGen.Load;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Import;

public sealed class ImportOptionTests : IDisposable
{
    private readonly ImportTarget _target = new();

    public void Dispose() => _target.Dispose();

    private static string History(string file) => Repo.Fixture(Path.Combine("import", "history", file));

    [Fact]
    public void Release_records_the_imported_page_as_the_first_release()
    {
        var result = _target.Import(History("2021-03-01.html"), "--release", "2021-03-01");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("effective: \"2021-03-01\"", _target.Read("content/releases/2021-03-01/release.yml"), StringComparison.Ordinal);
        Assert.Contains("  privacy-policy: no differences", result.Stdout, StringComparison.Ordinal);
        _target.Build("2021-06-01");
        Assert.Equal("2021-03-01", _target.Page("cookie-policy").QuerySelector("meta[name='dcterms.modified']")?.GetAttribute("content"));
    }

    [Fact]
    public void Without_release_the_site_has_only_working_text()
    {
        var result = _target.Import(History("2021-03-01.html"));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(_target.Dir, "content", "releases")));
        Assert.Equal("_site/\n.noticegen-cache/\n", _target.Read(".gitignore"));
        Assert.True(File.Exists(Path.Combine(_target.Dir, "import-report.html")));
    }

    [Fact]
    public void Notice_names_the_single_notice_of_a_page()
    {
        using var page = new TempFile("policy.md", "# Acme Privacy Policy\n\nWe care.\n\n## What we collect\n\nYour email address.\n\n## Contact\n\nWrite to us.\n");

        var result = _target.Import(page.Path, "--notice", "privacy");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("privacy", Assert.Single(ContentLoader.LoadWorking(_target.Dir).Site.Notices).Id);
    }

    [Fact]
    public void Notice_on_a_page_of_several_notices_is_an_error()
    {
        var result = _target.Import(History("2021-03-01.html"), "--notice", "privacy");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("--notice:1:1: error: --notice names one notice, but the source holds 2: “Acme Notes Privacy Policy”, “Acme Notes Cookie Policy”.", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--release", "2021-3-1", "--release:1:1: error: '2021-3-1' is not a date.")]
    [InlineData("--notice", "Privacy Policy", "--notice:1:1: error: 'Privacy Policy' is not a valid notice id.")]
    public void A_bad_option_value_is_a_located_error(string option, string value, string message)
    {
        var result = _target.Import(History("2021-03-01.html"), option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Release_does_not_go_with_history()
    {
        var result = _target.Import("--history", History("2021-03-01.html"), "--release", "2021-03-01");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("--release:1:1: error: --release records a single page; with --history or --git each version is released on its own date.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_to_import_is_an_error()
    {
        var result = TestSupport.Cli.Run("import", "--into", _target.Dir);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("SOURCE:1:1: error: No page to import was named.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_pages_make_one_site_with_their_shared_sections_written_once()
    {
        using var a = new TempFile("websites.md", "# Privacy Notice for the Acme Websites\n\n## What we collect\n\nYour email address when you subscribe.\n\n## Contact\n\nWrite to privacy@acme.example with any question about this notice or your personal data.\n");
        using var b = new TempFile("app.md", "# Privacy Notice for the Acme App\n\n## What we collect\n\nYour device identifier and crash reports.\n\n## Contact\n\nWrite to privacy@acme.example with any question about this notice or your personal data.\n");

        var result = _target.Import(a.Path, b.Path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var content = ContentLoader.LoadWorking(_target.Dir);
        Assert.Equal(2, content.Site.Notices.Count);
        Assert.Equal("contact", content.Site.Notices[0].Sections[1].FragmentId);
        Assert.Equal("contact", content.Site.Notices[1].Sections[1].FragmentId);
        Assert.NotEqual(content.Site.Notices[0].Sections[0].FragmentId, content.Site.Notices[1].Sections[0].FragmentId);
        Assert.Contains("Written once, listed in several notices:\n  contact (“Contact”)", result.Stdout, StringComparison.Ordinal);
    }
}

/// <summary>A file in a temporary folder of its own, deleted with it.</summary>
public sealed class TempFile : IDisposable
{
    private readonly string _dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "noticegen-import-src-" + Guid.NewGuid().ToString("N"));

    public TempFile(string name, string text)
    {
        Directory.CreateDirectory(_dir);
        Path = System.IO.Path.Combine(_dir, name);
        File.WriteAllText(Path, text);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
