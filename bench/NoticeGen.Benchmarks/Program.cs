using BenchmarkDotNet.Running;

namespace NoticeGen.Bench.Benchmarks;

/// <summary>
/// Micro-benchmarks of NoticeGen's stages. Every public class with [Benchmark] methods in this assembly is found by the
/// switcher: compose and render benchmarks go beside RedlineBenchmarks.cs, one class per stage (ComposeBenchmarks,
/// RenderBenchmarks), once the pipeline's API settles. Arguments go to BenchmarkDotNet (--filter '*Redline*', --job short).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Contains("--describe"))
        {
            // What the benchmarks measure, without timing anything: the sizes the README quotes.
            var (old, @new) = SyntheticPage.Pair(Corpus.Load(RepositoryPaths.CorpusFolder()), seed: 1);
            var diff = NoticeGen.Redline.PageDiffer.Compare(old, @new);
            Console.WriteLine($"page: {old.Sections.Count} sections, {SyntheticPage.HtmlBytes(old)} bytes of HTML (old), {SyntheticPage.HtmlBytes(@new)} (new)");
            Console.WriteLine($"diff: {diff.Summary.Describe()}");
            return;
        }

        // Without a filter the switcher would ask which benchmark to run, and wait for an answer; run them all instead.
        var filtered = args.Any(a => a is "--filter" or "-f");
        var options = filtered ? args : [.. args, "--filter", "*"];

        // Reports go where bench/.gitignore keeps them out of Git, not into whatever folder the command was run from.
        if (!args.Contains("--artifacts"))
        {
            var repository = Path.GetDirectoryName(Path.GetDirectoryName(RepositoryPaths.CorpusFolder()))!;
            options = [.. options, "--artifacts", Path.Combine(repository, "bench", ".work", "BenchmarkDotNet.Artifacts")];
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(options);
    }
}
