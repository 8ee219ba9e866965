namespace NoticeGen.Load;

/// <summary>The number of threads a parallel query may use under the build's --threads (all cores when unset).</summary>
public static class Threads
{
    /// <summary>The most PLINQ accepts (WithDegreeOfParallelism refuses more).</summary>
    private const int QueryLimit = 512;

    public static int Of(ParallelOptions? parallel) =>
        Math.Min(QueryLimit, parallel is { MaxDegreeOfParallelism: > 0 } set ? set.MaxDegreeOfParallelism : Environment.ProcessorCount);
}
