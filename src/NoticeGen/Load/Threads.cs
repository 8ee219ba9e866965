namespace NoticeGen.Load;

/// <summary>The number of threads a parallel query may use under the build's --threads (all cores when unset).</summary>
public static class Threads
{
    public static int Of(ParallelOptions? parallel) =>
        parallel is { MaxDegreeOfParallelism: > 0 } set ? set.MaxDegreeOfParallelism : Environment.ProcessorCount;
}
