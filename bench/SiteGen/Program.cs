using System.Globalization;

namespace NoticeGen.Bench.SiteGen;

/// <summary>
/// sitegen: the benchmark's workloads. generate writes a seeded synthetic site (NoticeGen and, without releases, Hugo);
/// prefix cuts a shorter history from a longer one; edit changes one word of a working fragment; compare checks that the
/// NoticeGen and Hugo builds of a workload publish the same pages with the same sections and words.
/// </summary>
public static class Program
{
    private const string Usage = """
        usage:
          sitegen generate --notices N --fragments F --audiences A [--releases R] [--seed S] --corpus DIR --out DIR
          sitegen prefix --from DIR --releases R --out DIR
          sitegen edit --site DIR --corpus DIR [--seed S]
          sitegen compare --noticegen OUT --hugo OUT [--sample K]
        """;

    public static int Main(string[] args)
    {
        try
        {
            if (args.Length == 0)
            {
                throw new ArgumentException("No command given.");
            }

            var options = Options(args[1..]);
            return args[0] switch
            {
                "generate" => Generate(options),
                "prefix" => Prefix(options),
                "edit" => Edit(options),
                "compare" => OutputComparer.Compare(Required(options, "noticegen"), Required(options, "hugo"),
                    Number(options, "sample", 50), Console.Out),
                _ => throw new ArgumentException($"Unknown command '{args[0]}'."),
            };
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"sitegen: {ex.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"sitegen: {ex.Message}");
            return 1;
        }
    }

    private static int Generate(Dictionary<string, string> options)
    {
        var spec = new WorkloadSpec(Number(options, "notices"), Number(options, "fragments"), Number(options, "audiences"),
            Number(options, "releases", 0), (ulong)Number(options, "seed", 1));
        spec.Validate();
        var corpus = Corpus.Load(Required(options, "corpus"));
        var output = Path.GetFullPath(Required(options, "out"));
        if (Directory.Exists(output))
        {
            throw new ArgumentException($"{output} exists already; a workload is generated once (delete it to generate it again).");
        }

        // Written beside its final place and moved there whole, so an interrupted run never leaves a workload that looks done.
        var partial = output + ".partial";
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        var site = SiteComposer.Compose(spec, corpus);
        var noticegen = Path.Combine(partial, "noticegen");
        NoticeGenSiteWriter.Write(site, spec.Key, noticegen);
        if (spec.Releases > 0)
        {
            site = ReleaseRunner.Run(site, spec.Releases, noticegen, corpus, new Pcg32(spec.Seed, stream: 2), Console.Error);
        }
        else
        {
            HugoSiteWriter.Write(site, Path.Combine(partial, "hugo"));
        }

        var fragments = site.Fragments.ToList();
        var summary = string.Create(CultureInfo.InvariantCulture, $"""
            workload: {spec.Key}
            notices: {spec.Notices}
            fragments: {fragments.Count}
            audiences: {spec.Audiences}
            releases: {spec.Releases}
            notice pages: {spec.NoticePages}
            fragment bytes (mean): {fragments.Average(f => f.Body.Length):F0}
            fragments limited to a jurisdiction: {fragments.Count(f => f.Jurisdiction is not null)}
            fragments with a reference: {fragments.Count(f => f.Body.Contains("](#", StringComparison.Ordinal))}
            fragments with parameters: {fragments.Count(f => f.Body.Contains("{{", StringComparison.Ordinal))}

            """);
        File.WriteAllText(Path.Combine(partial, "workload.txt"), summary);
        Directory.Move(partial, output);
        Console.Error.Write(summary);
        return 0;
    }

    private static int Prefix(Dictionary<string, string> options)
    {
        var output = Path.GetFullPath(Required(options, "out"));
        if (Directory.Exists(output))
        {
            throw new ArgumentException($"{output} exists already.");
        }

        var partial = output + ".partial";
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        HistoryPrefix.Copy(Path.GetFullPath(Required(options, "from")), partial, Number(options, "releases"));
        Directory.Move(partial, output);
        return 0;
    }

    private static int Edit(Dictionary<string, string> options)
    {
        var corpus = Corpus.Load(Required(options, "corpus"));
        var file = WorkingEdit.ChangeOneWord(Required(options, "site"), corpus, new Pcg32((ulong)Number(options, "seed", 1), stream: 3));
        Console.Out.WriteLine(file);
        return 0;
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value', got '{args[i]}'.");
            }

            options[args[i][2..]] = args[i + 1];
        }

        return options;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

    private static int Number(Dictionary<string, string> options, string name, int? fallback = null)
    {
        if (!options.TryGetValue(name, out var text))
        {
            return fallback ?? throw new ArgumentException($"--{name} is required.");
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"--{name} takes a whole number, not '{text}'.");
    }
}
