using BenchmarkDotNet.Attributes;
using NoticeGen.Redline;

namespace NoticeGen.Bench.Benchmarks;

/// <summary>
/// The redline of one long page: a ~100 KB notice against a copy with 1% of its words changed. Target: Compare and Render
/// together under 50 ms.
/// </summary>
[MemoryDiagnoser]
public class RedlineBenchmarks
{
    private PageText old = null!;
    private PageText @new = null!;
    private PageDiff diff = null!;

    [GlobalSetup]
    public void Setup()
    {
        (old, @new) = SyntheticPage.Pair(Corpus.Load(RepositoryPaths.CorpusFolder()), seed: 1);
        diff = PageDiffer.Compare(old, @new);
    }

    [Benchmark(Description = "PageDiffer.Compare")]
    public PageDiff Compare() => PageDiffer.Compare(old, @new);

    [Benchmark(Description = "RedlineHtml.Render")]
    public string Render() => RedlineHtml.Render(diff);

    [Benchmark(Description = "Compare + Render (target < 50 ms)")]
    public string CompareAndRender() => RedlineHtml.Render(PageDiffer.Compare(old, @new));
}
