using System.Diagnostics;
using NoticeGen.Serve;

namespace NoticeGen.Tests.Serve;

/// <summary>An editor's burst of writes makes one rebuild, and changes made while a build runs make the next one.</summary>
public sealed class ChangeBatcherTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task A_burst_of_writes_is_one_batch_delivered_once_the_files_are_quiet()
    {
        // A quiet time far longer than the pauses between writes, so a busy machine's slow timers cannot split the burst.
        var quiet = TimeSpan.FromSeconds(1);
        using var changes = new ChangeBatcher(quiet);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var next = changes.NextAsync(timeout.Token);
        var clock = Stopwatch.StartNew();
        foreach (var path in new[] { "content/b.md", "content/c.md", "content/a.md", "content/b.md" })
        {
            changes.Add(path);
            await Task.Delay(50);
        }

        var batch = await next;
        Assert.Equal(["content/a.md", "content/b.md", "content/c.md"], batch);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(150) + quiet, $"delivered after {clock.Elapsed.TotalMilliseconds} ms, before the files were quiet");
    }

    [Fact]
    public async Task Changes_while_nobody_waits_make_the_next_batch_and_nothing_is_delivered_twice()
    {
        using var changes = new ChangeBatcher(Quiet);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        changes.Add("site.yml");
        Assert.Equal(["site.yml"], await changes.NextAsync(timeout.Token));

        // As if a build were running: the change waits for the next call.
        changes.Add("templates/page.sbn");
        await Task.Delay(Quiet * 2);
        Assert.Equal(["templates/page.sbn"], await changes.NextAsync(timeout.Token));

        using var idle = new CancellationTokenSource(Quiet * 3);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => changes.NextAsync(idle.Token));
    }
}
