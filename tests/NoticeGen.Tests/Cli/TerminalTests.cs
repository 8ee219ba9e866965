using NoticeGen.Check;
using NoticeGen.Cli;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Cli;

/// <summary>What a person or a CI log sees: a summary line, findings on stderr, --quiet and --verbose.</summary>
public sealed class TerminalTests : IDisposable
{
    private readonly TempSite _site = TempSite.FromFixture("mini");

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_build_ends_with_one_line_saying_what_it_built()
    {
        var result = TestSupport.Cli.Build(_site, "--now", "2026-11-26");

        var line = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^Built \d+ files for 2026-11-26 into .+: \d+ pages, \d+ archived versions, \d+ redlines, \d+ warning\(s\) \(\d+\.\d s\)$", line);
    }

    [Fact]
    public void Quiet_prints_nothing_when_the_build_succeeds_with_warnings()
    {
        AddUnusedFragment();

        var result = TestSupport.Cli.Run("build", "--site", _site.Dir, "--out", _site.Out, "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.True(File.Exists(Path.Combine(_site.Out, "index.html")));
    }

    [Fact]
    public void Quiet_still_prints_errors()
    {
        _site.Replace("content/ccpa.md", "jurisdictions: [california]", "jurisdictions: [californa]");

        var result = TestSupport.Cli.Run("build", "--site", _site.Dir, "--out", _site.Out, "-q");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("content/ccpa.md:4:17: error: Unknown jurisdiction 'californa'.", result.Stderr);
    }

    [Fact]
    public void Without_quiet_warnings_go_to_stderr_and_are_counted_in_the_summary()
    {
        var before = TestSupport.Cli.Build(_site);
        AddUnusedFragment();

        var result = TestSupport.Cli.Build(_site);

        Assert.Contains("content/orphan.md:2:5: warning:", result.Stderr);
        Assert.Contains("[NG5001]", result.Stderr);
        Assert.Equal(WarningCount(before.Stdout) + 1, WarningCount(result.Stdout));
    }

    [Fact]
    public void Verbose_times_every_step_of_the_build_on_stderr()
    {
        var result = TestSupport.Cli.Build(_site, "--verbose");

        var steps = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith("noticegen:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(steps);
        Assert.All(steps, step => Assert.Matches(@"^noticegen: +\d+ ms  \S", step));
        Assert.Contains(steps, s => s.Contains("fragments", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Contains("wrote current pages", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Contains("checked every page and link", StringComparison.Ordinal));
        Assert.StartsWith("Built ", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_list_of_warnings_is_summed_up_by_code_after_the_first_ten()
    {
        var warnings = Enumerable.Range(1, 14).Select(i => Codes.UnusedFragment.At(new SourceSpan($"content/f{i:00}.md", 1, 1), "Unused.", "Remove it."))
            .Append(Codes.HardCodedDate.At(new SourceSpan("content/z.md", 2, 3), "A date.", "Use the stamp."))
            .ToList();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter { NewLine = "\n" };

        new Terminal(stdout, stderr, TerminalMode.Plain).Findings(warnings);

        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Terminal.WarningsShown + 1, lines.Length);
        Assert.StartsWith("content/f01.md:1:1: warning:", lines[0], StringComparison.Ordinal);
        Assert.Equal("noticegen: 5 more warning(s) (4 NG5001, 1 NG5003); `noticegen check` or --verbose lists them all.", lines[^1]);
    }

    [Fact]
    public void Errors_are_never_summed_up_and_verbose_lists_every_warning()
    {
        var errors = Enumerable.Range(1, 12).Select(i => Codes.UnknownKey.At(new SourceSpan("site.yml", i, 1), "Unknown key.", "Remove it.")).ToList();
        var warnings = Enumerable.Range(1, 12).Select(i => Codes.UnusedFragment.At(new SourceSpan($"content/f{i:00}.md", 1, 1), "Unused.", "Remove it.")).ToList();
        using var plain = new StringWriter { NewLine = "\n" };
        using var verbose = new StringWriter { NewLine = "\n" };
        using var quiet = new StringWriter { NewLine = "\n" };

        new Terminal(TextWriter.Null, plain, TerminalMode.Plain).Findings(errors);
        new Terminal(TextWriter.Null, verbose, TerminalMode.Verbose).Findings(warnings);
        new Terminal(TextWriter.Null, quiet, TerminalMode.Quiet).Findings([.. errors, .. warnings]);

        Assert.Equal(12, plain.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(12, verbose.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("warning", quiet.ToString(), StringComparison.Ordinal);
        Assert.Equal(12, quiet.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_redirected_or_ci_run_never_gets_the_live_status()
    {
        Assert.Equal(TerminalMode.Plain, Terminal.For(new StringWriter(), new StringWriter(), _ => null, quiet: false, verbose: false).Mode);
        Assert.Equal(TerminalMode.Plain, Terminal.For(Console.Out, Console.Error, name => name == "CI" ? "true" : null, quiet: false, verbose: false).Mode);
        Assert.Equal(TerminalMode.Quiet, Terminal.For(Console.Out, Console.Error, _ => null, quiet: true, verbose: false).Mode);
        Assert.Equal(TerminalMode.Verbose, Terminal.For(new StringWriter(), new StringWriter(), _ => null, quiet: false, verbose: true).Mode);
    }

    private static int WarningCount(string summary) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(summary, @", (\d+) warning\(s\) \(").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private void AddUnusedFragment() => _site.Write("content/orphan.md", "---\nid: orphan\ntitle: Orphan\n---\nNo notice uses this.\n");
}
