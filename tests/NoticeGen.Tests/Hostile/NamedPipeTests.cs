using System.Diagnostics;

namespace NoticeGen.Tests.Hostile;

/// <summary>
/// A named pipe where the site has a file (a fragment, site.yml, an asset, a template, a rule file, an archived file)
/// never hangs a build: opening one waits for a writer for ever, so it is read as the empty file it appears to be, and
/// refused or published as such.
/// </summary>
public sealed class NamedPipeTests : IDisposable
{
    private readonly HostileSite _hostile = new();

    public void Dispose() => _hostile.Dispose();

    [Theory]
    [InlineData("content/pipe.md", "content/pipe.md:1:1: error: This fragment has no front matter.")]
    [InlineData("site.yml", "site.yml:1:1: error: site.yml is empty.")]
    [InlineData("rules/pipe.yml", "rules/pipe.yml:1:1: error:")]
    public void A_named_pipe_for_a_text_file_is_refused_as_empty(string file, string expected)
    {
        MakePipe(file);
        AssertReturns(() => _hostile.Refused(expected));
    }

    [Theory]
    [InlineData("content/assets/pipe.png")]
    [InlineData("templates/assets/pipe.css")]
    [InlineData("templates/partials/foot.sbn")]
    public void A_named_pipe_for_an_asset_or_template_builds_as_an_empty_file(string file)
    {
        MakePipe(file);
        AssertReturns(() => _hostile.Built());
    }

    [Fact]
    public void A_named_pipe_in_place_of_an_archived_file_is_refused_as_changed()
    {
        Assert.Equal(0, TestSupport.Cli.Run("release", "--site", _hostile.Site.Dir, "--effective", "2025-01-01", "--summary", "First").ExitCode);
        _hostile.Rebaseline("--now", "2026-01-01");
        MakePipe("content/releases/2025-01-01/covers.md");
        AssertReturns(() =>
        {
            var result = _hostile.Build("--now", "2026-01-01");
            HostileSite.AssertRefused(result, "content/releases/2025-01-01/covers.md:1:1: error: This archived file no longer matches its release manifest", "[NG3001]");
        });
        _hostile.AssertOutputUntouched();
    }

    private void MakePipe(string relative)
    {
        var path = _hostile.Site.PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>Runs the build on another thread, so that a regression fails this test instead of hanging the whole run.</summary>
    private static void AssertReturns(Action build)
    {
        var task = Task.Run(build);
        Assert.True(task.Wait(TimeSpan.FromMinutes(2)), "the build waits on the named pipe");
    }
}
