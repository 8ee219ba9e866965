namespace NoticeGen.Tests.Hostile;

/// <summary>
/// The first and last days a date can name are dates like any other: a release on them and a build on them work, or
/// are refused with a located message, never with a stack trace from date arithmetic that runs off the calendar.
/// </summary>
public sealed class DateExtremeTests : IDisposable
{
    private readonly HostileSite _hostile = new();

    public void Dispose() => _hostile.Dispose();

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public void A_release_on_the_first_or_last_day_of_the_calendar_is_made_and_builds(string date)
    {
        var release = TestSupport.Cli.Run("release", "--site", _hostile.Site.Dir, "--effective", date, "--summary", "Edge");
        HostileSite.AssertNoStackTrace(release);
        Assert.True(release.ExitCode == 0, $"release failed ({release.ExitCode}):\n{release.Stderr}");
        Assert.True(File.Exists(_hostile.Site.PathOf($"content/releases/{date}/release.yml")));

        foreach (var now in new[] { "0001-01-01", "2026-01-01", "9999-12-31" })
        {
            _hostile.Built("--now", now);
        }
    }
}
