using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Cli;

/// <summary>
/// `noticegen release` checks the site as it would be with the new release in force on its date, with every check of
/// `noticegen check`, before it freezes anything: an archived release can never be corrected, and every later build
/// publishes it.
/// </summary>
public sealed class ReleaseCommandTests
{
    [Fact]
    public void Text_whose_pages_fail_the_checks_is_not_frozen_and_later_builds_still_work()
    {
        using var site = TempSite.Sample();
        var retention = site.Read("content/fragments/shared/retention.md");
        site.Write("content/fragments/shared/retention.md", retention[..(retention.IndexOf("---\n", 4, StringComparison.Ordinal) + 4)] + "See [our FAQ](faq/).\n");
        var releases = Directory.EnumerateFileSystemEntries(site.PathOf("content/releases")).Order().ToList();

        var release = TestSupport.Cli.Run("release", "--site", site.Dir, "--effective", "2027-01-01", "--summary", "FAQ link");
        Assert.True(release.ExitCode == 2, $"release: {release.ExitCode}\n{release.Stderr}");
        // Reported once, where it is written, not on each page that shows it.
        Assert.Contains("content/fragments/shared/retention.md:7:15: error: This link (on ", release.Stderr);
        Assert.Contains("leads to faq/index.html, which the build does not write.", release.Stderr);
        Assert.Single(release.Stderr.Split('\n'), l => l.Contains("[NG4001]", StringComparison.Ordinal));
        Assert.Contains("[NG4001]", release.Stderr);
        Assert.Contains("nothing was written", release.Stderr);
        Assert.DoesNotContain("   at ", release.Stderr);
        Assert.Equal(releases, Directory.EnumerateFileSystemEntries(site.PathOf("content/releases")).Order().ToList());

        var build = TestSupport.Cli.Run("build", "--site", site.Dir, "--out", site.Out, "--now", "2027-02-01", "-q");
        Assert.True(build.ExitCode == 0, $"build: {build.ExitCode}\n{build.Stderr}");
    }

    [Fact]
    public void The_pages_dates_are_those_the_release_gives_them()
    {
        // Every page of the sample has been released since 2025: none lacks a last-updated date once this one is in force.
        using var site = TempSite.Sample();
        var result = TestSupport.Cli.Run("release", "--site", site.Dir, "--effective", "2027-01-01", "--summary", "Yearly review");
        Assert.True(result.ExitCode == 0, $"release: {result.ExitCode}\n{result.Stderr}");
        Assert.DoesNotContain("[NG6002]", result.Stderr);
        Assert.Contains("[NG6001]", result.Stderr);
        Assert.Contains("Released 2027-01-01 into content/releases/2027-01-01/.", result.Stdout);
    }

    [Fact]
    public void Quiet_prints_errors_only_and_warnings_are_summed_up_as_a_build_does()
    {
        using var site = TempSite.Sample();
        var quiet = TestSupport.Cli.Run("release", "--site", site.Dir, "--effective", "2027-01-01", "--summary", "Yearly review", "-q");
        Assert.True(quiet.ExitCode == 0, $"release: {quiet.ExitCode}\n{quiet.Stderr}");
        Assert.Equal(string.Empty, quiet.Stderr);
        Assert.Equal(string.Empty, quiet.Stdout);
        Assert.True(File.Exists(site.PathOf("content/releases/2027-01-01/release.yml")));

        var plain = TestSupport.Cli.Run("release", "--site", site.Dir, "--effective", "2027-06-01", "--summary", "Another review");
        Assert.True(plain.ExitCode == 0, $"release: {plain.ExitCode}\n{plain.Stderr}");
        var lines = plain.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(NoticeGen.Cli.Terminal.WarningsShown, lines.Count(l => l.Contains(": warning: ", StringComparison.Ordinal)));
        Assert.Matches(@"^noticegen: \d+ more warning\(s\) \(\d+ NG6001\); `noticegen check` or --verbose lists them all\.$", lines[^1]);
    }
}
