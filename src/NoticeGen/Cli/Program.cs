using System.CommandLine;
using NoticeGen.Check;
using NoticeGen.Write;

namespace NoticeGen.Cli;

/// <summary>The noticegen command line: parses arguments and maps user errors to one line each and a non-zero exit code.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var siteOption = new Option<DirectoryInfo>("--site")
        {
            Description = "The site folder (holding site.yml, content/ and templates/).",
            DefaultValueFactory = _ => new DirectoryInfo("."),
        };
        var outOption = new Option<DirectoryInfo?>("--out")
        {
            Description = "Where to write the site (default: _site inside the site folder).",
        };

        var build = new Command("build", "Build every notice page into the output folder (default _site/).") { siteOption, outOption };
        build.SetAction(result => Guard(stderr, () =>
        {
            var site = result.GetValue(siteOption)!.FullName;
            var outDir = result.GetValue(outOption)?.FullName ?? Path.Combine(site, "_site");
            var (output, warnings) = SiteBuilder.Build(site);
            Report(stderr, warnings);
            AtomicWriter.Write(output, outDir);
            stdout.WriteLine($"Built {output.Files.Count} files into {outDir}");
            return 0;
        }));

        var root = new RootCommand("NoticeGen: versioned, multi-jurisdiction privacy notices from Markdown fragments.") { build };
        var parse = root.Parse(args);
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>User mistakes become diagnostics on stderr and exit code 1; anything else is a bug and keeps its stack trace.</summary>
    private static int Guard(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (UserErrorException ex)
        {
            Report(stderr, ex.Diagnostics);
            stderr.WriteLine($"noticegen: {ex.Diagnostics.Count(d => d.Severity == Severity.Error)} error(s); nothing was written.");
            return 1;
        }
    }

    private static void Report(TextWriter stderr, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            stderr.WriteLine(diagnostic.ToString());
        }
    }
}
