using NoticeGen.Check.Content;
using NoticeGen.Check.Output;

namespace NoticeGen.Check;

/// <summary>
/// Every check NoticeGen runs, registered in one place. Checks are made anew for each run (output checks gather what
/// they need to compare pages), so no state outlives a build.
/// </summary>
public static class Checks
{
    public static IReadOnlyList<IContentCheck> Content() =>
    [
        new UnusedFragmentCheck(),
        new UnusedParameterCheck(),
        new HardCodedDateCheck(),
        new BidiControlCheck(),
        new NearDuplicateCheck(),
        new CoverageContentCheck(),
    ];

    public static IReadOnlyList<IOutputCheck> Output() =>
    [
        new LinkCheck(),
        new DuplicateIdCheck(),
        new HeadingOrderCheck(),
        new PageMetadataCheck(),
        new UnsafeUrlCheck(),
    ];

    /// <summary>
    /// Runs every content check, side by side (they only read the context, and the sink orders findings); a check that
    /// stops on a user error keeps its findings and the others run on.
    /// </summary>
    public static void RunContent(ContentCheckContext context, DiagnosticSink sink)
    {
        // A failure other than a user error leaves as an AggregateException; the commands unwrap it (ParallelFailure).
        Parallel.ForEach(Content(), context.Parallel, check => sink.Collect(() =>
        {
            check.Run(context, sink);
            return true;
        }));
    }
}
