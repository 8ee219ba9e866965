namespace NoticeGen.Check;

/// <summary>Makes the failures of a stage that ran on several threads look like those of one that did not.</summary>
public static class ParallelFailure
{
    /// <summary>
    /// Every thread's user errors as one <see cref="UserErrorException"/> (in the usual order), or, when the file system
    /// refused, its first error; null when a bug is among the failures, so that it keeps its stack trace.
    /// </summary>
    public static Exception? Unwrap(AggregateException ex)
    {
        var inner = ex.Flatten().InnerExceptions;
        if (inner.All(e => e is UserErrorException))
        {
            var bag = new DiagnosticSink();
            bag.AddRange(inner.Cast<UserErrorException>().SelectMany(e => e.Diagnostics));
            return new UserErrorException(bag.Items);
        }

        // The same one whichever thread failed first, so that a run's message does not depend on timing.
        var io = inner.Where(e => e is IOException or UnauthorizedAccessException).OrderBy(e => e.Message, StringComparer.Ordinal).FirstOrDefault();
        return io is not null && inner.All(e => e is UserErrorException or IOException or UnauthorizedAccessException) ? io : null;
    }
}
