namespace NoticeGen.Build;

/// <summary>
/// Where a build says what it has done, step by step ("rendered 5 versions of 15 pages"): the command line shows it as a
/// live status on a terminal, as timed lines with --verbose, or not at all. Safe to call from several threads.
/// </summary>
public sealed class BuildProgress(Action<string>? step = null, Action<int>? files = null)
{
    public static BuildProgress None { get; } = new();

    /// <summary>A step is done.</summary>
    public void Step(string text) => step?.Invoke(text);

    /// <summary>How many files are written so far.</summary>
    public void Files(int count) => files?.Invoke(count);
}
