using System.CommandLine;
using NoticeGen.Build;
using NoticeGen.Check;
using NoticeGen.Releases;
using NoticeGen.Load;
using NoticeGen.Output;

namespace NoticeGen.Cli;

/// <summary>The noticegen command line: parses arguments and maps user errors to one line each and exit code 2.</summary>
public static class Program
{
    /// <summary>Exit code of a command stopped by the user's input (a diff with changes exits 1, like git diff --exit-code).</summary>
    public const int UserError = 2;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, () => DateTimeOffset.UtcNow);

    /// <summary>--quiet: errors only.</summary>
    internal static readonly Option<bool> QuietOption = new("--quiet", "-q") { Description = "Print errors only.", Recursive = true };

    /// <summary>--verbose: every step of the build with its time.</summary>
    internal static readonly Option<bool> VerboseOption = new("--verbose") { Description = "Print every step of the build with its time (on stderr).", Recursive = true };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, Func<DateTimeOffset> clock)
    {
        var siteOption = new Option<DirectoryInfo>("--site")
        {
            Description = "The site folder (holding site.yml, content/ and templates/). Default: the current folder.",
            DefaultValueFactory = _ => new DirectoryInfo("."),
            Recursive = true,
        };

        var root = new RootCommand("NoticeGen: versioned, multi-jurisdiction privacy notices from Markdown fragments.") { siteOption, QuietOption, VerboseOption };
        root.Options.OfType<VersionOption>().Single().Action = new VersionAction(stdout);
        root.Subcommands.Add(BuildCommand(siteOption, stdout, stderr, environment, clock));
        root.Subcommands.Add(ReleaseCommand(siteOption, stdout, stderr, environment));
        root.Subcommands.Add(DiffCommand.Create(siteOption, stdout, stderr, environment));
        root.Subcommands.Add(CheckCommand.Create(siteOption, stdout, stderr, environment, clock));
        root.Subcommands.Add(ImportCommand.Create(stdout, stderr, environment, clock));
        root.Subcommands.Add(InitCommand.Create(siteOption, stdout, stderr));
        root.Subcommands.Add(ServeCommand.Create(siteOption, stdout, stderr, environment, clock));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
        {
            // Exit code 1 means "the text changed" for diff, so a mistyped option must not look like it.
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"noticegen: {error.Message}");
            }

            stderr.WriteLine("Run 'noticegen --help' for the commands and their options.");
            return UserError;
        }

        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static Command BuildCommand(Option<DirectoryInfo> siteOption, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, Func<DateTimeOffset> buildClock)
    {
        var outOption = new Option<DirectoryInfo?>("--out") { Description = "Where to write the site. Default: _site inside the site folder." };
        var nowOption = NowOption();
        var draftsOption = new Option<bool>("--drafts") { Description = "Also publish the unreleased working content under draft/, marked as a draft, with its redline." };
        var threadsOption = ThreadsOption();
        var noCacheOption = new Option<bool>("--no-cache") { Description = $"Render everything afresh, without reading or writing the cache ({BuildRequest.CacheFolder}/ in the site folder), and write every file anew instead of over the output kept from the build before." };
        var strictOption = new Option<bool>("--strict") { Description = "Treat warnings as errors: a warning stops the build and nothing is published." };
        var build = new Command("build", "Build every notice page, version, redline, changelog and feed into the output folder. Every check runs; an error stops the build and leaves the previous output as it was.\n\nExamples:\n  noticegen build                      the site in this folder, into _site/\n  noticegen build --drafts --strict    with the unreleased text under draft/, failing on warnings\n  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) noticegen build   a reproducible build date")
        {
            outOption, nowOption, draftsOption, threadsOption, noCacheOption, strictOption,
        };
        build.SetAction(result =>
        {
            var terminal = Terminal.For(stdout, stderr, environment, result.GetValue(QuietOption), result.GetValue(VerboseOption));
            return Guard(stderr, result.GetValue(strictOption), sink => Build(result, sink, terminal), terminal);
        });
        return build;

        int Build(ParseResult result, DiagnosticSink sink, Terminal terminal)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var site = SiteFolder.Require(result.GetValue(siteOption)!);
            var outDir = result.GetValue(outOption)?.FullName ?? Path.Combine(site, "_site");
            var request = new BuildRequest(site, BuildRequest.ResolveToday(result.GetValue(nowOption), environment("SOURCE_DATE_EPOCH"), buildClock),
                result.GetValue(draftsOption), Threads(result.GetValue(threadsOption)), result.GetValue(noCacheOption) ? null : Path.Combine(site, BuildRequest.CacheFolder));
            var (summary, files) = terminal.Run("Building", progress =>
            {
                var sources = SiteBuilder.Load(request, sink, progress);
                try
                {
                    var memo = sources.Cache is { } cache ? new OutputMemo(cache, outDir, request.Parallel) : null;
                    var key = memo?.KeyOf(sources);
                    return memo?.Reusable(key) is { } record
                        ? LeaveAsItWas(sources, record, sink, progress)
                        : WriteAnew(sources, memo, key, outDir, sink, progress);
                }
                finally
                {
                    // The working text's cache entry is written while the site is (see SiteBuilder.Render).
                    sources.Cache?.Flush();
                }
            });
            var findings = sink.Items;
            terminal.Findings(findings);
            var warnings = findings.Count(d => d.Severity == Severity.Warning);
            terminal.Summary($"Built {Count(files, "file")} for {Dates.Iso(request.Today)} into {outDir}: {Count(summary.Pages, "page")}, "
                + $"{Count(summary.ArchivedVersions, "archived version")}, {Count(summary.Redlines, "redline")}, "
                + $"{warnings} warning(s) ({clock.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s)");
            return 0;
        }
    }

    /// <summary>
    /// Finishes a build whose output would not change (<see cref="OutputMemo"/>): the working text is still rendered and
    /// checked in full, with the stamps the build that wrote the output found, and that build's output findings are reported
    /// again; the releases, whose pages the output already holds, are not rendered.
    /// </summary>
    private static (BuildSummary Summary, int Files) LeaveAsItWas(SiteSources sources, OutputRecord record, DiagnosticSink sink, BuildProgress progress)
    {
        var draft = SiteBuilder.RenderWorking(sources, sink);
        progress.Step($"rendered the working text, {draft.Pages.Count} pages (the releases' pages are in the output as the last build left them)");
        Checks.RunContent(CheckContexts.For(sources, draft, record.StampsByPage()), sink);
        progress.Step("checked the content");
        sink.AddRange(record.Findings);
        sink.ThrowIfErrors();
        var count = record.Folder.Files;
        progress.Step($"left the output as it was: nothing it is made from changed, and its {count} files are as the last build left them");
        return (record.Summary, count);
    }

    /// <summary>
    /// Renders every version and writes the site. The content checks read the finished model, as the emitters do: on all
    /// cores they run while the site is written into its staging folder, and the swap waits for them, so an error still
    /// publishes nothing. The written output is recorded in <paramref name="memo"/> for the next build.
    /// </summary>
    private static (BuildSummary Summary, int Files) WriteAnew(SiteSources sources, OutputMemo? memo, string? key, string outDir, DiagnosticSink sink, BuildProgress progress)
    {
        var model = SiteBuilder.Render(sources, sink, progress);
        void CheckContent()
        {
            Checks.RunContent(CheckContexts.For(model), sink);
            progress.Step("checked the content");
        }

        var checks = sources.Request.Threads == 0 ? Task.Run(CheckContent) : null;
        if (checks is null)
        {
            CheckContent();
            sink.ThrowIfErrors();
        }

        try
        {
            var summary = BuildSummary.Of(model);
            return (summary, Write(model, outDir, sink, progress, memo is null ? null : findings => memo.Remember(key, findings, CheckContexts.StampsInForce(model), summary),
                beforeSwap: () =>
                {
                    checks?.GetAwaiter().GetResult();
                    sink.ThrowIfErrors();
                }));
        }
        finally
        {
            // A failed write leaves no check still adding to the findings behind it.
            checks?.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        }
    }

    /// <summary>Writes the site, turning a file system that refuses into a located error about --out.</summary>
    /// <param name="remember">Given the output checks' findings, records the finished output for the next build (<see cref="OutputMemo"/>).</param>
    private static int Write(SiteBuild built, string outDir, DiagnosticSink sink, BuildProgress progress, Action<IReadOnlyList<Diagnostic>>? remember, Action beforeSwap)
    {
        // The output's findings are kept apart, so that the next build can report them again without writing anything.
        var written = new DiagnosticSink { Policy = sink.Policy };
        try
        {
            try
            {
                var count = Emitters.WriteSite(built, outDir, written, progress: progress, kept: built.Request.KeptOutputDir, beforeSwap: beforeSwap);
                remember?.Invoke(written.Found);
                return count;
            }
            catch (AggregateException ex) when (ParallelFailure.Unwrap(ex) is { } inner)
            {
                throw inner;
            }
            finally
            {
                sink.AddRange(written.Found);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException(Codes.OutputFolder.At(new SourceSpan("--out", 1, 1), $"The site could not be written to {outDir}: {ex.Message.TrimEnd('.')}.",
                "Pass --out with a folder you can write to; the previous output was left as it was."));
        }
    }

    private static Command ReleaseCommand(Option<DirectoryInfo> siteOption, TextWriter stdout, TextWriter stderr, Func<string, string?> environment)
    {
        var effectiveOption = new Option<string>("--effective") { Description = "The date the release takes effect (YYYY-MM-DD).", Required = true };
        var summaryOption = new Option<string>("--summary") { Description = "One sentence saying what changed; shown in changelogs and feeds.", Required = true };
        var release = new Command("release", "Freeze the working content as an immutable release under content/releases/<date>/, after every check of 'noticegen check' on the site as it would be with the release in force on its date: an error stops it and nothing is written.\n\nExample: noticegen release --effective 2026-01-01 --summary \"Consolidated shared sections\"")
        {
            effectiveOption, summaryOption,
        };
        release.SetAction(result =>
        {
            var terminal = Terminal.For(stdout, stderr, environment, result.GetValue(QuietOption), result.GetValue(VerboseOption));
            return Guard(stderr, strict: false, sink =>
            {
                var site = SiteFolder.Require(result.GetValue(siteOption)!);
                var effectiveText = result.GetValue(effectiveOption)!;
                if (!Dates.TryParse(effectiveText, out var effective))
                {
                    throw new UserErrorException(Codes.Option.At(new SourceSpan("--effective", 1, 1), $"'{effectiveText}' is not a date.",
                        "Pass --effective YYYY-MM-DD, e.g. --effective 2026-01-01."));
                }

                // An archived release can never be corrected, and every later build publishes it: the site it would make, with
                // the release in force on its date, must pass every check 'noticegen check' runs before anything is written.
                var request = new BuildRequest(site, effective, Drafts: true, CacheDir: Path.Combine(site, BuildRequest.CacheFolder))
                {
                    Release = new ProposedRelease(effective, result.GetValue(summaryOption)!),
                };
                var (_, built) = CheckCommand.Run(request, strict: false, sink);
                sink.ThrowIfErrors();
                var folder = ReleaseStore.Write(site, built!.Pending!);
                terminal.Findings(sink.Items);
                terminal.Summary($"Released {Dates.Iso(effective)} into {ContentLoader.Relative(site, folder)}/. Commit it; the next build publishes it.");
                return 0;
            }, terminal);
        });
        return release;
    }

    internal static Option<string?> NowOption() => new("--now")
    {
        Description = "The build date (YYYY-MM-DD) that decides which release is in force. Default: SOURCE_DATE_EPOCH, else today (UTC).",
    };

    internal static Option<int> ThreadsOption() => new("--threads") { Description = "How many threads to build on. Default: every core. The output is the same whatever the number." };

    internal static int Threads(int threads) => threads >= 0
        ? threads
        : throw new UserErrorException(Codes.Option.At(new SourceSpan("--threads", 1, 1), $"--threads {threads} is not a number of threads.",
            "Pass a positive number, or leave it out to use every core."));

    /// <summary>
    /// Runs a command with the run's one diagnostic sink. User mistakes end as findings on stderr, each once, with exit code
    /// 2; the file system refusing is reported the same way; anything else is a bug and keeps its stack trace.
    /// </summary>
    internal static int Guard(TextWriter stderr, bool strict, Func<DiagnosticSink, int> action, Terminal? terminal = null)
    {
        var sink = new DiagnosticSink { Policy = CheckPolicy.Default with { Strict = strict } };
        try
        {
            try
            {
                return action(sink);
            }
            catch (AggregateException ex) when (ParallelFailure.Unwrap(ex) is { } inner)
            {
                // Stages running on several threads report each thread's user errors together: show them all, in order.
                throw inner;
            }
        }
        catch (UserErrorException ex)
        {
            sink.AddRange(ex.Diagnostics);
            var items = sink.Items;
            if (terminal is null || strict)
            {
                // With --strict every warning is one of the errors, so none is summed up.
                Report(stderr, items);
            }
            else
            {
                terminal.Findings(items);
            }

            var errors = items.Count(d => d.Severity == Severity.Error || strict);
            stderr.WriteLine($"noticegen: {errors} error(s){(strict && items.Any(d => d.Severity == Severity.Warning) ? " (warnings count with --strict)" : string.Empty)}; nothing was written.");
            return UserError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The file system refused (no permission, disk full, a path that cannot be a folder): the user's machine, not a bug.
            stderr.WriteLine($"noticegen: error: {ex.Message}");
            stderr.WriteLine("noticegen: check the paths and permissions of --site and --out; the previous output was left as it was.");
            return UserError;
        }
    }

    internal static void Report(TextWriter stderr, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            stderr.WriteLine(diagnostic.ToString());
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
