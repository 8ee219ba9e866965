using System.CommandLine;
using System.Globalization;
using NoticeGen.Build;
using NoticeGen.Check;
using NoticeGen.Check.Output;
using NoticeGen.Check.Reports;
using NoticeGen.Compose;
using NoticeGen.Load;
using NoticeGen.Output;

namespace NoticeGen.Cli;

/// <summary>
/// noticegen check: every check over the working content (the draft included), the release archive and the built
/// output, without publishing anything. Exit code 0 clean, 1 findings at error level (or warnings with --strict),
/// 2 the check itself could not run.
/// </summary>
public static class CheckCommand
{
    public const int Findings = 1;

    public static Command Create(Option<DirectoryInfo> siteOption, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, Func<DateTimeOffset> clock)
    {
        var strictOption = new Option<bool>("--strict") { Description = "Fail on warnings too (exit code 1)." };
        var formatOption = new Option<string>("--format")
        {
            Description = "text (one line per finding), json (findings and external links), sarif (SARIF 2.1.0 for code scanning) or github (workflow annotations).",
            DefaultValueFactory = _ => "text",
        };
        formatOption.AcceptOnlyFromAmong(ReportFormats.Names);
        var listOption = new Option<bool>("--list") { Description = "List every check with its code and default severity, and exit." };
        var nowOption = Program.NowOption();
        var threadsOption = Program.ThreadsOption();
        var command = new Command("check", "Run every check (configuration, text, archive, built pages, legal coverage) without publishing. Exit code: 0 clean, 1 findings, 2 the check could not run.\n\nExample: noticegen check --strict --format sarif > noticegen.sarif")
        {
            strictOption, formatOption, listOption, nowOption, threadsOption,
        };
        command.SetAction(result =>
        {
            if (result.GetValue(listOption))
            {
                stdout.Write(List());
                return 0;
            }

            var strict = result.GetValue(strictOption);
            var format = result.GetValue(formatOption)!;
            var outcome = -1;
            var exit = Program.Guard(stderr, strict, sink =>
            {
                var site = SiteFolder.Require(result.GetValue(siteOption)!);
                var today = BuildRequest.ResolveToday(result.GetValue(nowOption), environment("SOURCE_DATE_EPOCH"), clock);
                var threads = Program.Threads(result.GetValue(threadsOption));
                var report = Run(site, today, threads, strict, sink);
                stdout.Write(ReportFormats.Write(report, format));
                outcome = report.Fails ? Findings : 0;
                return outcome;
            });

            // Guard reports user errors of the command line itself (a bad --now) with exit code 2: the check did not run.
            return outcome >= 0 ? outcome : exit;
        });
        return command;
    }

    /// <summary>Runs every check it can: a stage that fails stops only the checks that need its result.</summary>
    public static CheckReport Run(string siteDir, DateOnly today, int threads, bool strict, DiagnosticSink sink) =>
        Run(new BuildRequest(siteDir, today, Drafts: true, threads, Path.Combine(siteDir, BuildRequest.CacheFolder)), strict, sink).Report;

    /// <summary>
    /// Runs every check over the site <paramref name="request"/> builds (the draft always included); returns the report and
    /// the build it checked, null when the build stopped.
    /// </summary>
    internal static (CheckReport Report, SiteBuild? Build) Run(BuildRequest request, bool strict, DiagnosticSink sink)
    {
        var siteDir = request.SiteDir;
        var working = sink.Collect(() => ContentLoader.LoadWorking(siteDir, sink));
        var external = (IReadOnlyList<(string, IReadOnlyList<string>)>)[];
        SiteBuild? build = null;
        if (working is not null)
        {
            sink.Policy = sink.Policy with { Settings = working.Site.Checks };
            build = sink.Collect(() => SiteBuilder.Build(request with { Drafts = true }, sink));
            // After a failed build the run's sink holds errors, and a stage that meets them stops: plan with a sink of its own.
            var own = new DiagnosticSink();
            var plan = build?.Draft.Plan ?? own.Collect(() => SitePlanner.Plan(working, own));
            sink.AddRange(own.Items);
            if (plan is not null)
            {
                Checks.RunContent(build is null ? new ContentCheckContext(siteDir, working, plan, request.Today, _ => null) : CheckContexts.For(build), sink);
            }

            if (build is not null)
            {
                external = WriteAndInspect(build, sink);
            }
        }

        return (new CheckReport(sink.Items, external, strict), build);
    }

    /// <summary>Builds into a folder of its own, checking every page as it is written, and removes it: nothing is published.</summary>
    private static IReadOnlyList<(string, IReadOnlyList<string>)> WriteAndInspect(SiteBuild build, DiagnosticSink sink)
    {
        var folder = Path.Combine(Path.GetTempPath(), "noticegen-check-" + Guid.NewGuid().ToString("N"));
        var checks = Checks.Output();
        var inspector = new OutputInspector(checks, sink, "_site", CheckContexts.Links(build));
        try
        {
            using var files = new StagingFolder(Path.Combine(folder, "_site"), build.Request.SiteDir, file => inspector.Written(file.Path, file.Bytes, file.Text));
            var context = new EmitContext(build, new SitePages(build), files, build.Request.Parallel);
            foreach (var emitter in Emitters.All)
            {
                sink.Collect(() =>
                {
                    try
                    {
                        emitter.Emit(context);
                    }
                    catch (AggregateException ex) when (ParallelFailure.Unwrap(ex) is UserErrorException inner)
                    {
                        throw inner;
                    }

                    return true;
                });
            }

            inspector.Finish();
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return checks.OfType<LinkCheck>().Single().ExternalLinks;
    }

    /// <summary>The table of every check: code, default severity, name and what it finds.</summary>
    public static string List()
    {
        var text = new System.Text.StringBuilder();
        foreach (var code in Codes.All)
        {
            text.Append(CultureInfo.InvariantCulture, $"{code.Code}  {(code.DefaultSeverity == Severity.Error ? "error  " : "warning")}  {code.Name,-22}  {code.Summary}\n");
        }

        return text.ToString();
    }
}
