using System.CommandLine;
using NoticeGen.Check;
using NoticeGen.History;
using NoticeGen.Releases;
using NoticeGen.Load;
using NoticeGen.Output;
using NoticeGen.Render;

namespace NoticeGen.Cli;

/// <summary>The noticegen command line: parses arguments and maps user errors to one line each and exit code 2.</summary>
public static class Program
{
    /// <summary>Exit code of a command stopped by the user's input (a diff with changes exits 1, like git diff --exit-code).</summary>
    public const int UserError = 2;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, () => DateTimeOffset.UtcNow);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, Func<DateTimeOffset> clock)
    {
        var siteOption = new Option<DirectoryInfo>("--site")
        {
            Description = "The site folder (holding site.yml, content/ and templates/). Default: the current folder.",
            DefaultValueFactory = _ => new DirectoryInfo("."),
            Recursive = true,
        };

        var root = new RootCommand("NoticeGen: versioned, multi-jurisdiction privacy notices from Markdown fragments.") { siteOption };
        root.Subcommands.Add(BuildCommand(siteOption, stdout, stderr, environment, clock));
        root.Subcommands.Add(ReleaseCommand(siteOption, stdout, stderr));
        root.Subcommands.Add(DiffCommand.Create(siteOption, stdout, stderr, environment));
        root.Subcommands.Add(ImportCommand.Create(stdout, stderr, environment, clock));
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

    private static Command BuildCommand(Option<DirectoryInfo> siteOption, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, Func<DateTimeOffset> clock)
    {
        var outOption = new Option<DirectoryInfo?>("--out") { Description = "Where to write the site. Default: _site inside the site folder." };
        var nowOption = new Option<string?>("--now")
        {
            Description = "The build date (YYYY-MM-DD) that decides which release is in force. Default: SOURCE_DATE_EPOCH, else today (UTC).",
        };
        var draftsOption = new Option<bool>("--drafts") { Description = "Also publish the unreleased working content under draft/, marked as a draft, with its redline." };
        var build = new Command("build", "Build every notice page, version, redline, changelog and feed into the output folder.")
        {
            outOption, nowOption, draftsOption,
        };
        build.SetAction(result => Guard(stderr, () =>
        {
            var site = result.GetValue(siteOption)!.FullName;
            var outDir = result.GetValue(outOption)?.FullName ?? Path.Combine(site, "_site");
            var today = BuildOptions.ResolveToday(result.GetValue(nowOption), environment("SOURCE_DATE_EPOCH"), clock);
            var (output, warnings) = SiteBuilder.Build(site, new BuildOptions(today, result.GetValue(draftsOption)));
            Report(stderr, warnings);
            try
            {
                AtomicWriter.Write(output, outDir, site);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UserErrorException(Diagnostic.Error(new SourceSpan("--out", 1, 1), $"The site could not be written to {outDir}: {ex.Message.TrimEnd('.')}.",
                    "Pass --out with a folder you can write to; the previous output was left as it was."));
            }
            stdout.WriteLine($"Built {output.Files.Count} files for {Dates.Iso(today)} into {outDir}");
            return 0;
        }));
        return build;
    }

    private static Command ReleaseCommand(Option<DirectoryInfo> siteOption, TextWriter stdout, TextWriter stderr)
    {
        var effectiveOption = new Option<string>("--effective") { Description = "The date the release takes effect (YYYY-MM-DD).", Required = true };
        var summaryOption = new Option<string>("--summary") { Description = "One sentence saying what changed; shown in changelogs and feeds.", Required = true };
        var release = new Command("release", "Freeze the working content as an immutable release under content/releases/<date>/.")
        {
            effectiveOption, summaryOption,
        };
        release.SetAction(result => Guard(stderr, () =>
        {
            var site = result.GetValue(siteOption)!.FullName;
            var effectiveText = result.GetValue(effectiveOption)!;
            if (!Dates.TryParse(effectiveText, out var effective))
            {
                throw new UserErrorException(Diagnostic.Error(new SourceSpan("--effective", 1, 1), $"'{effectiveText}' is not a date.",
                    "Pass --effective YYYY-MM-DD, e.g. --effective 2026-01-01."));
            }

            var working = ContentLoader.LoadWorking(site);
            var diagnostics = new DiagnosticBag();
            RenderedVersion.Render(working, diagnostics, string.Empty);
            diagnostics.ThrowIfErrors();
            Report(stderr, working.Warnings.Concat(diagnostics.Items));
            var releases = ReleaseStore.LoadAll(site);
            NoticeSlugs.Resolve(working.Site, releases); // refuse now what would make every later build fail
            var folder = ReleaseStore.Create(site, working, effective, result.GetValue(summaryOption)!, releases);
            stdout.WriteLine($"Released {Dates.Iso(effective)} into {ContentLoader.Relative(site, folder)}/. Commit it; the next build publishes it.");
            return 0;
        }));
        return release;
    }

    /// <summary>User mistakes become diagnostics on stderr and exit code 2; anything else is a bug and keeps its stack trace.</summary>
    internal static int Guard(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (UserErrorException ex)
        {
            Report(stderr, ex.Diagnostics);
            stderr.WriteLine($"noticegen: {ex.Diagnostics.Count(d => d.Severity == Severity.Error)} error(s); nothing was written.");
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
}
