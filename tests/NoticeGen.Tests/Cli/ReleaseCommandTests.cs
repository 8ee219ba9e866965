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
        Assert.Contains("_site/websites/index.html:", release.Stderr);
        Assert.Contains("error: The link '../faq/' on websites/index.html leads to faq/index.html, which the build does not write.", release.Stderr);
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
}
