namespace NoticeGen.Serve;

/// <summary>
/// What 'noticegen serve' is asked for: the site folder, the loopback port (0: any free port), the date each build is
/// made for (asked again on every build, so a preview left running past midnight follows the clock), and the threads.
/// </summary>
public sealed record ServeOptions(string SiteDir, int Port, Func<DateOnly> Today, int Threads = 0)
{
    public const int DefaultPort = 5080;

    /// <summary>How long the files must stay quiet before a rebuild: one save in an editor is often several writes and a rename.</summary>
    public TimeSpan Quiet { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>--quiet: the terminal shows the address and failed builds only, not a line for each build that succeeds.</summary>
    public bool ErrorsOnly { get; init; }
}
