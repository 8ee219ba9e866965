using System.Diagnostics;
using System.Globalization;
using NoticeGen.Build;
using NoticeGen.Check;
using NoticeGen.Load;
using NoticeGen.Output;

namespace NoticeGen.Serve;

/// <summary>
/// Builds the site with its draft beside the release in force, as 'build --drafts' does and through the same cache, into
/// a new folder for each build: the folder being served is never written to, and a failed build leaves it as it was.
/// With <c>kept</c>, each build writes over an earlier one that is no longer served, writing only the files that changed.
/// </summary>
internal sealed class PreviewBuilder(ServeOptions options, string sessionFolder, string? kept = null)
{
    public BuildOutcome Build(int number)
    {
        var clock = Stopwatch.StartNew();
        var sink = new DiagnosticSink();
        var folder = Path.Combine(sessionFolder, number.ToString(CultureInfo.InvariantCulture));
        try
        {
            var request = new BuildRequest(options.SiteDir, options.Today(), Drafts: true, options.Threads,
                Path.Combine(options.SiteDir, BuildRequest.CacheFolder));
            var built = SiteBuilder.Build(request, sink);
            Checks.RunContent(CheckContexts.For(built), sink);
            sink.ThrowIfErrors();
            var files = Emitters.WriteSite(built, folder, sink, kept: kept);
            return new BuildOutcome(folder, files, [], sink.Warnings, clock.Elapsed);
        }
        catch (Exception ex)
        {
            var cause = ex is AggregateException aggregate ? ParallelFailure.Unwrap(aggregate) ?? ex : ex;
            switch (cause)
            {
                case UserErrorException user:
                    sink.AddRange(user.Diagnostics);
                    break;
                case IOException or UnauthorizedAccessException:
                    sink.Report(Codes.OutputFolder, SourceSpan.StartOf(ContentLoader.Relative(options.SiteDir, folder)),
                        $"The preview could not be written: {cause.Message.TrimEnd('.')}.",
                        $"Check that {BuildRequest.CacheFolder}/ in the site folder can be written to; the last good build is still served.");
                    break;
                default:
                    return new BuildOutcome(null, 0, sink.Errors, sink.Warnings, clock.Elapsed, cause);
            }

            return new BuildOutcome(null, 0, sink.Errors, sink.Warnings, clock.Elapsed);
        }
    }
}
