using NoticeGen.Cli;

namespace NoticeGen.Tests.TestSupport;

/// <summary>The result of one in-process run of the noticegen command line.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs noticegen in-process with captured output, a fixed clock and no environment unless given.</summary>
public static class Cli
{
    public static readonly DateTimeOffset FixedClock = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static CliResult Run(params string[] args) => Run(new Dictionary<string, string>(), args);

    public static CliResult Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exit = Program.Run(args, stdout, stderr, name => environment.GetValueOrDefault(name), () => FixedClock);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Builds a site into its _site folder and fails the test with the tool's own messages if the build fails.</summary>
    public static CliResult Build(TempSite site, params string[] extra)
    {
        var result = Run(["build", "--site", site.Dir, "--out", site.Out, .. extra]);
        Assert.True(result.ExitCode == 0, $"build failed ({result.ExitCode}):\n{result.Stderr}");
        return result;
    }
}
