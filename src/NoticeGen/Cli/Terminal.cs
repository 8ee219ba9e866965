using System.Diagnostics;
using NoticeGen.Build;
using NoticeGen.Check;
using Spectre.Console;

namespace NoticeGen.Cli;

/// <summary>How a command talks to the person or CI running it.</summary>
public enum TerminalMode
{
    /// <summary>Errors only.</summary>
    Quiet,

    /// <summary>Findings and a one-line summary: CI logs, redirected output.</summary>
    Plain,

    /// <summary>Plain, and every step of the build with its time, on stderr.</summary>
    Verbose,

    /// <summary>A live status while the build runs, then the summary: a person at a terminal.</summary>
    Interactive,
}

/// <summary>
/// The command line's voice: a live status (Spectre.Console) on an interactive terminal, plain lines when output is
/// redirected or in CI, timed steps with --verbose, errors only with --quiet. Findings always go to stderr.
/// </summary>
public sealed class Terminal(TextWriter stdout, TextWriter stderr, TerminalMode mode)
{
    public TerminalMode Mode => mode;

    public static Terminal For(TextWriter stdout, TextWriter stderr, Func<string, string?> environment, bool quiet, bool verbose)
    {
        var console = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected;
        var ci = !string.IsNullOrEmpty(environment("CI")) || environment("TERM") == "dumb";
        var mode = quiet ? TerminalMode.Quiet : verbose ? TerminalMode.Verbose : console && !ci ? TerminalMode.Interactive : TerminalMode.Plain;
        return new Terminal(stdout, stderr, mode);
    }

    /// <summary>Runs <paramref name="work"/> showing its steps as this terminal does; returns what it returns.</summary>
    public T Run<T>(string title, Func<BuildProgress, T> work)
    {
        switch (mode)
        {
            case TerminalMode.Verbose:
                var clock = Stopwatch.StartNew();
                var last = TimeSpan.Zero;
                var gate = new Lock();
                return work(new BuildProgress(step =>
                {
                    lock (gate)
                    {
                        var now = clock.Elapsed;
                        // What the step allocated so far and how often the GC ran: allocation is most of a build's cost.
                        var allocated = GC.GetTotalAllocatedBytes() / (1024 * 1024);
                        stderr.WriteLine(
                            $"noticegen: {(now - last).TotalMilliseconds,7:0} ms  {step}  [{allocated:N0} MB allocated; GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms; heap {GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024):N0} MB]");
                        last = now;
                    }
                }));
            case TerminalMode.Interactive:
                return AnsiConsole.Status().Spinner(Spinner.Known.Dots).Start(title, context =>
                {
                    var status = title;
                    return work(new BuildProgress(
                        step => context.Status($"{title}: {Markup.Escape(status = step)}"),
                        files => context.Status($"{title}: {Markup.Escape(status)}, {files:N0} files written")));
                });
            default:
                return work(BuildProgress.None);
        }
    }

    /// <summary>How many warnings a build prints before it sums up the rest; `noticegen check` and --verbose list them all.</summary>
    public const int WarningsShown = 10;

    /// <summary>
    /// Findings, one line each on stderr: every error; with --quiet nothing else; with --verbose every warning; otherwise
    /// the first <see cref="WarningsShown"/> warnings and a count of the rest by code, so a build's log stays readable.
    /// </summary>
    public void Findings(IReadOnlyList<Diagnostic> diagnostics)
    {
        var shown = 0;
        var hidden = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == Severity.Error || mode == TerminalMode.Verbose || (mode != TerminalMode.Quiet && shown < WarningsShown))
            {
                stderr.WriteLine(diagnostic.ToString());
                shown += diagnostic.Severity == Severity.Error ? 0 : 1;
            }
            else if (mode != TerminalMode.Quiet)
            {
                hidden[diagnostic.Code.Code] = hidden.GetValueOrDefault(diagnostic.Code.Code) + 1;
            }
        }

        if (hidden.Count > 0)
        {
            var counts = string.Join(", ", hidden.Select(h => $"{h.Value} {h.Key}"));
            stderr.WriteLine($"noticegen: {hidden.Values.Sum()} more warning(s) ({counts}); `noticegen check` or --verbose lists them all.");
        }
    }

    /// <summary>The line that says what a command did (not with --quiet).</summary>
    public void Summary(string line)
    {
        if (mode != TerminalMode.Quiet)
        {
            stdout.WriteLine(line);
        }
    }
}
