using System.Text;

namespace NoticeGen.Tests.Serve;

/// <summary>A terminal for a test: collects what serve writes from any thread, and lets the test wait for a line.</summary>
internal sealed class LineWriter : TextWriter
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _text = new();
    private TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        TaskCompletionSource written;
        lock (_lock)
        {
            _text.Append(value);
            written = _written;
            _written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        written.TrySetResult();
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return _text.ToString();
        }
    }

    /// <summary>The first complete line that matches; fails the test if none comes in time or <paramref name="run"/> ends first.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> matches, TimeSpan timeout, Task run)
    {
        using var expired = new CancellationTokenSource(timeout);
        while (true)
        {
            Task written;
            lock (_lock)
            {
                var text = _text.ToString();
                var complete = text[..(text.LastIndexOf('\n') + 1)];
                if (complete.Split('\n').FirstOrDefault(matches) is { } line)
                {
                    return line;
                }

                written = _written.Task;
            }

            if (run.IsCompleted)
            {
                Assert.Fail($"serve ended ({(run.IsFaulted ? run.Exception!.InnerException : "exit " + ((Task<int>)run).Result)}) before the expected line.\n{this}");
            }

            var done = await Task.WhenAny(written, run, Task.Delay(Timeout.Infinite, expired.Token).ContinueWith(_ => { }, TaskScheduler.Default));
            if (expired.IsCancellationRequested && done != written && done != run)
            {
                Assert.Fail($"No such line within {timeout.TotalSeconds} s. Terminal:\n{this}");
            }
        }
    }
}
