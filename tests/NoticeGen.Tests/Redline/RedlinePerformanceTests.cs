using System.Diagnostics;
using NoticeGen.Redline;
using Xunit.Abstractions;

namespace NoticeGen.Tests.Redline;

/// <summary>
/// The redline of a 100 KB notice with 1% of its words changed must stay under the 50 ms budget (the BenchmarkDotNet benchmark
/// measures it precisely; this keeps a complexity regression from slipping in). It runs alone, and counts the fastest of
/// several runs after the JIT has warmed up: on a shared machine the slower runs measure the neighbours.
/// </summary>
[Collection(nameof(TimingCollection))]
public sealed class RedlinePerformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void A_100_kb_notice_with_1_percent_of_its_words_changed_compares_and_renders_in_time()
    {
        var old = SeedPages.Page();
        var @new = SeedPages.ChangeWords(old, 0.01, seed: 42);
        var size = old.IntroHtml.Length + old.Sections.Sum(s => s.Html.Length + s.Heading.Length);
        Assert.InRange(size, 100_000, 130_000);

        for (var i = 0; i < 30; i++)
        {
            RedlineHtml.Render(PageDiffer.Compare(old, @new));
        }

        var compare = new List<double>();
        var render = new List<double>();
        PageDiff? diff = null;
        for (var i = 0; i < 15; i++)
        {
            var clock = Stopwatch.StartNew();
            diff = PageDiffer.Compare(old, @new);
            compare.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            RedlineHtml.Render(diff);
            render.Add(clock.Elapsed.TotalMilliseconds);
        }

        var (fastestCompare, fastestRender) = (compare.Min(), render.Min());
        output.WriteLine($"{size / 1000} KB, {SeedPages.Words(old)} words, {diff!.Summary.Describe()}");
        output.WriteLine($"fastest compare {fastestCompare:F1} ms, render {fastestRender:F1} ms; median compare {compare.Order().ElementAt(7):F1} ms");
        Assert.InRange(diff.Summary.WordsAdded, 100, 250);

        // Twice the budget, for a loaded test machine: what this catches is a quadratic step, which costs seconds.
        Assert.True(fastestCompare + fastestRender < 100, $"compare {fastestCompare:F1} ms + render {fastestRender:F1} ms");
    }
}

/// <summary>Timing tests run on their own, not beside the rest of the suite.</summary>
[CollectionDefinition(nameof(TimingCollection), DisableParallelization = true)]
public sealed class TimingCollection;
