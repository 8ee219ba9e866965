using System.Security.Cryptography;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Releases;

/// <summary>noticegen release: immutable snapshots with a hash-chained manifest, refused dates, and tamper detection.</summary>
public sealed class ReleaseStoreTests : IDisposable
{
    private readonly TempSite _site = TempSite.FromFixture("mini");

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_release_freezes_the_used_fragments_and_the_text_determining_site_settings()
    {
        _site.Write("content/unused.md", "---\nid: unused\ntitle: Not yet\n---\nLater.\n");
        var result = Release("2025-01-01", "First release");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Released 2025-01-01 into content/releases/2025-01-01/", result.Stdout);

        var dir = _site.PathOf("content/releases/2025-01-01");
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f)).Order().ToList();
        Assert.Equal(["ccpa.md", "contact.md", "covers.md", "gdpr.md", "home.md", "release.yml", "site.yml", "web-intro.md"], files);
        Assert.Equal(File.ReadAllBytes(_site.PathOf("content/covers.md")), File.ReadAllBytes(Path.Combine(dir, "covers.md")));
        var snapshot = File.ReadAllText(Path.Combine(dir, "site.yml"));
        Assert.Contains("product: \"Acme Websites\"", snapshot);
        var manifest = File.ReadAllText(Path.Combine(dir, "release.yml"));
        Assert.Contains("effective: \"2025-01-01\"", manifest);
        Assert.Contains("summary: \"First release\"", manifest);
        Assert.Contains($"\"covers.md\": \"{Sha(Path.Combine(dir, "covers.md"))}\"", manifest);
        Assert.Equal("* -text", File.ReadAllLines(_site.PathOf("content/releases/.gitattributes"))[1]);
    }

    [Fact]
    public void Unchanged_files_stay_byte_identical_and_each_manifest_hashes_its_predecessor()
    {
        Assert.Equal(0, Release("2025-01-01", "First").ExitCode);
        _site.Replace("content/contact.md", "Write to", "Please write to");
        Assert.Equal(0, Release("2025-03-01", "Contact wording").ExitCode);

        var first = _site.PathOf("content/releases/2025-01-01");
        var second = _site.PathOf("content/releases/2025-03-01");
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "covers.md")), File.ReadAllBytes(Path.Combine(second, "covers.md")));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(first, "contact.md")), File.ReadAllBytes(Path.Combine(second, "contact.md")));
        var manifest = File.ReadAllText(Path.Combine(second, "release.yml"));
        Assert.Contains("previous: \"2025-01-01\"", manifest);
        Assert.Contains($"previous_manifest_sha256: \"{Sha(Path.Combine(first, "release.yml"))}\"", manifest);
    }

    [Fact]
    public void Releasing_twice_on_one_date_or_before_the_latest_is_refused()
    {
        Assert.Equal(0, Release("2025-05-04", "First").ExitCode);
        var again = Release("2025-05-04", "Again");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("content/releases/2025-05-04/:1:1: error: There is already a release effective 2025-05-04.", again.Stderr);
        var earlier = Release("2025-01-01", "Earlier");
        Assert.Equal(2, earlier.ExitCode);
        Assert.Contains("error: The effective date 2025-01-01 is before the latest release (2025-05-04).", earlier.Stderr);
        Assert.Contains("Choose an --effective date after 2025-05-04", earlier.Stderr);
        Assert.False(Directory.Exists(_site.PathOf("content/releases/2025-01-01")));
    }

    [Fact]
    public void A_release_of_content_with_errors_is_refused_and_writes_nothing()
    {
        _site.Replace("content/ccpa.md", "[](#contact)", "[](#nowhere)");
        var result = Release("2025-01-01", "Broken");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("content/ccpa.md:6:51: error: The reference '#nowhere'", result.Stderr);
        Assert.False(Directory.Exists(_site.PathOf("content/releases")) && Directory.EnumerateFileSystemEntries(_site.PathOf("content/releases")).Any());
    }

    [Fact]
    public void An_invalid_effective_date_is_explained()
    {
        var result = Release("4 May 2025", "Typo");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--effective:1:1: error: '4 May 2025' is not a date. Pass --effective YYYY-MM-DD", result.Stderr);
    }

    [Theory]
    [InlineData("covers.md", "edited", "This archived file no longer matches its release manifest")]
    [InlineData("extra.md", "added", "This file was added to an archived release after it was made.")]
    [InlineData("contact.md", "deleted", "This file of an archived release is missing.")]
    public void Tampering_with_an_archived_release_fails_the_build_and_names_the_file(string file, string how, string message)
    {
        Assert.Equal(0, Release("2025-01-01", "First").ExitCode);
        TestSupport.Cli.Build(_site);
        var before = TempSite.Snapshot(_site.Out);
        var path = _site.PathOf("content/releases/2025-01-01/" + file);
        switch (how)
        {
            case "edited": File.AppendAllText(path, "One more sentence.\n"); break;
            case "added": File.WriteAllText(path, "---\nid: extra\n---\nx\n"); break;
            default: File.Delete(path); break;
        }

        var result = TestSupport.Cli.Run("build", "--site", _site.Dir, "--out", _site.Out);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"content/releases/2025-01-01/{file}:1:1: error: {message}", result.Stderr);
        Assert.Contains("restore the folder from version control", result.Stderr);
        Assert.DoesNotContain("does not match the previous release", result.Stderr); // one tampered file, one error
        Assert.Equal(before.Keys, TempSite.Snapshot(_site.Out).Keys);
    }

    [Fact]
    public void A_file_directly_in_the_archive_is_a_warning_that_names_it_and_the_build_goes_on()
    {
        Assert.Equal(0, Release("2025-01-01", "First").ExitCode);
        // A manifest copied one level too high: no build reads it, so the editor is told.
        File.Copy(_site.PathOf("content/releases/2025-01-01/release.yml"), _site.PathOf("content/releases/release.yml"));

        var result = TestSupport.Cli.Run("build", "--site", _site.Dir, "--out", _site.Out);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("content/releases/release.yml:1:1: warning: This file is directly in the release archive", result.Stderr);
        Assert.Contains("[NG3005]", result.Stderr);
        Assert.DoesNotContain(".gitattributes", result.Stderr);
        Assert.True(File.Exists(Path.Combine(_site.Out, "web", "2025-01-01", "index.html")));
    }

    [Fact]
    public void A_manifest_larger_than_a_file_may_be_is_refused_unread()
    {
        Assert.Equal(0, Release("2025-01-01", "First").ExitCode);
        using (var manifest = File.Open(_site.PathOf("content/releases/2025-01-01/release.yml"), FileMode.Append))
        {
            manifest.SetLength(9L << 20);
        }

        var result = TestSupport.Cli.Run("build", "--site", _site.Dir, "--out", _site.Out);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("content/releases/2025-01-01/release.yml:1:1: error: This release manifest is more than the 8 MB a file may hold", result.Stderr);
    }

    [Fact]
    public void Removing_a_release_from_the_middle_of_the_history_is_detected()
    {
        Assert.Equal(0, Release("2025-01-01", "First").ExitCode);
        _site.Replace("content/contact.md", "Write to", "Please write to");
        Assert.Equal(0, Release("2025-02-01", "Second").ExitCode);
        _site.Replace("content/contact.md", "Please write to", "Kindly write to");
        Assert.Equal(0, Release("2025-03-01", "Third").ExitCode);
        Directory.Delete(_site.PathOf("content/releases/2025-02-01"), recursive: true);

        var result = TestSupport.Cli.Run("build", "--site", _site.Dir, "--out", _site.Out);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("content/releases/2025-03-01/release.yml:1:1: error: The manifest does not match the previous release (2025-01-01)", result.Stderr);
    }

    [Theory]
    [InlineData("![Seal](https://example.com/seal-v1.png)", "![Seal](https://example.com/seal-v2.png)")]
    [InlineData("![Seal](https://example.com/seal-v1.png)", "![Our seal](https://example.com/seal-v1.png)")]
    [InlineData("[our DPF page](//www.dataprivacyframework.gov/list)", "[our DPF page](//evil.example/phish)")]
    public void Changing_an_image_or_a_protocol_relative_link_is_a_change(string before, string after)
    {
        _site.Replace("content/contact.md", "Write to", before + " Write to");
        Assert.Equal(0, Release("2025-01-01", "First").ExitCode);
        _site.Replace("content/contact.md", before, after);
        var diff = TestSupport.Cli.Run("diff", "--site", _site.Dir, "--notice", "web", "--audience", "all");
        Assert.Equal(1, diff.ExitCode);
        // New alt text is new words; a new address for the same words is a link (or image) change.
        Assert.Matches(@"\{\+|(link|image) changed: ", diff.Stdout);
    }

    private CliResult Release(string date, string summary) =>
        TestSupport.Cli.Run("release", "--site", _site.Dir, "--effective", date, "--summary", summary);

    [Fact]
    public void A_frozen_fragment_that_cannot_be_read_fails_the_build_at_its_file_even_when_the_manifest_vouches_for_it()
    {
        Assert.Equal(0, Release("2025-01-01", "First").ExitCode);
        Assert.Equal(0, TestSupport.Cli.Run("build", "--site", _site.Dir, "--out", _site.Out, "--now", "2026-01-01").ExitCode);

        // The latest release, so that no later manifest hashes this one: its fragment and the fragment's hash are both
        // rewritten, so the archive verifies, and the fragment is read only when the releases are rendered.
        var dir = _site.PathOf("content/releases/2025-01-01");
        File.WriteAllText(Path.Combine(dir, "covers.md"), "---\nid: Not An Id\ntitle: Covers\n---\nText.\n");
        var manifestPath = Path.Combine(dir, "release.yml");
        var manifest = NoticeGen.Releases.ReleaseManifest.Parse(File.ReadAllText(manifestPath), "release.yml");
        var rehashed = manifest.Files.Select(f => f.Key == "covers.md" ? new KeyValuePair<string, string>(f.Key, Sha(Path.Combine(dir, "covers.md"))) : f).ToList();
        File.WriteAllText(manifestPath, (manifest with { Files = rehashed }).ToYaml());

        foreach (string[] extra in new[] { Array.Empty<string>(), ["--no-cache"] })
        {
            var result = TestSupport.Cli.Run(["build", "--site", _site.Dir, "--out", _site.Out, "--now", "2026-01-01", .. extra]);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("content/releases/2025-01-01/covers.md:2:5: error:", result.Stderr);
        }

        var diff = TestSupport.Cli.Run("diff", "--site", _site.Dir);
        Assert.Equal(2, diff.ExitCode);
        Assert.Contains("content/releases/2025-01-01/covers.md:2:5: error:", diff.Stderr);
    }

    [Fact]
    public void Releases_read_without_their_fragments_read_them_when_asked_and_the_same_as_at_once()
    {
        using var sample = TempSite.Sample();
        var atOnce = NoticeGen.Releases.ReleaseStore.LoadAll(sample.Dir);

        var later = NoticeGen.Releases.ReleaseStore.LoadAll(sample.Dir, readFragments: false);
        Assert.All(later, r => Assert.False(r.FragmentsRead));
        Assert.Equal(atOnce.Select(r => r.Identity), later.Select(r => r.Identity));
        NoticeGen.Releases.ReleaseStore.ReadFragments(later, null, new NoticeGen.Check.DiagnosticSink());

        Assert.All(later, r => Assert.True(r.FragmentsRead));
        Assert.Equal(atOnce.Select(r => r.Content.Fragments.Select(f => (f.File, f.Source, f.Where))), later.Select(r => r.Content.Fragments.Select(f => (f.File, f.Source, f.Where))));

        // Reading what a build is made from leaves the archive's fragments unread: a build whose output stands never reads them.
        var sources = NoticeGen.Build.SiteBuilder.Load(new NoticeGen.Build.BuildRequest(sample.Dir, new DateOnly(2026, 11, 26), Drafts: false), new NoticeGen.Check.DiagnosticSink());
        Assert.NotEmpty(sources.Releases);
        Assert.All(sources.Releases, r => Assert.False(r.FragmentsRead));
    }

    private static string Sha(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
}
