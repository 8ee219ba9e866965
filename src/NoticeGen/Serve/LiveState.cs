namespace NoticeGen.Serve;

/// <summary>
/// The state the server shows, swapped whole after each build; every request reads one state, and the reload event
/// streams wait here for the next one.
/// </summary>
internal sealed class LiveState(ServeState initial)
{
    private readonly Lock _lock = new();
    private ServeState _current = initial;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ServeState Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    public void Publish(ServeState state)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _current = state;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>The state once its build id is no longer <paramref name="seenBuildId"/> (at once if it already differs).</summary>
    public async Task<ServeState> NextAsync(string seenBuildId, CancellationToken cancel)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_current.BuildId != seenBuildId)
                {
                    return _current;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancel).ConfigureAwait(false);
        }
    }
}
