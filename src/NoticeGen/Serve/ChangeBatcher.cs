using System.Diagnostics;

namespace NoticeGen.Serve;

/// <summary>
/// Collects changed files until they have been quiet for a moment, so that an editor's burst of writes (a temporary
/// file, a rename, a second write) and a "save all" make one rebuild, and changes made during a build make the next.
/// </summary>
internal sealed class ChangeBatcher(TimeSpan quiet) : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0);
    private readonly Lock _lock = new();
    private readonly SortedSet<string> _paths = new(StringComparer.Ordinal);
    private long _lastChange;

    public void Add(string path)
    {
        lock (_lock)
        {
            _paths.Add(path);
            _lastChange = Stopwatch.GetTimestamp();
        }

        _signal.Release();
    }

    /// <summary>The files changed since the last batch, once at least one changed and none has for the quiet time; sorted.</summary>
    public async Task<IReadOnlyList<string>> NextAsync(CancellationToken cancel)
    {
        while (true)
        {
            await _signal.WaitAsync(cancel).ConfigureAwait(false);
            while (true)
            {
                TimeSpan wait;
                lock (_lock)
                {
                    wait = quiet - Stopwatch.GetElapsedTime(_lastChange);
                }

                if (wait <= TimeSpan.Zero)
                {
                    break;
                }

                await Task.Delay(wait, cancel).ConfigureAwait(false);
            }

            lock (_lock)
            {
                while (_signal.Wait(0))
                {
                    // Every signal up to now is answered by this batch.
                }

                // A signal whose path an earlier batch already took leaves nothing to build: wait for the next change.
                if (_paths.Count > 0)
                {
                    var batch = _paths.ToList();
                    _paths.Clear();
                    return batch;
                }
            }
        }
    }

    public void Dispose() => _signal.Dispose();
}
