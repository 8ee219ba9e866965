using NoticeGen.Tests.Hostile;

namespace NoticeGen.Tests.Releases;

/// <summary>
/// A hand-edited manifest that lists a path outside its release folder is refused at that line of the manifest: the
/// path is never read, and the finding never sends the reader to a file outside the archive (such as the site's own
/// site.yml).
/// </summary>
public sealed class ReleaseManifestTests : IDisposable
{
    private const string Manifest = "content/releases/2025-01-01/release.yml";

    private readonly HostileSite _hostile = new();

    public void Dispose() => _hostile.Dispose();

    [Theory]
    [InlineData("../../../site.yml")]                      // was reported as "site.yml:1:1: ... This file of an archived release is missing."
    [InlineData("../../../../../../../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("fragments/../../2024-01-01/covers.md")]
    [InlineData("./covers.md")]
    [InlineData("fragments\\\\..\\\\..\\\\site.yml")]
    public void A_listed_path_outside_the_release_folder_is_refused_at_its_line(string path)
    {
        Assert.Equal(0, TestSupport.Cli.Run("release", "--site", _hostile.Site.Dir, "--effective", "2025-01-01", "--summary", "First").ExitCode);
        _hostile.Rebaseline("--now", "2026-01-01");
        _hostile.Site.Replace(Manifest, "files:\n", $"files:\n  \"{path}\": \"0000\"\n");

        var result = _hostile.Build("--now", "2026-01-01");
        HostileSite.AssertRefused(result, $"{Manifest}:5:3: error: The manifest lists '{path.Replace("\\\\", "\\", StringComparison.Ordinal)}', which is not a file inside this release's folder.", "[NG3002]");
        _hostile.AssertOutputUntouched();
        Assert.DoesNotContain("missing", result.Stderr);
    }
}
