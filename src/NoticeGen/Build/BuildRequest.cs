using System.Globalization;
using NoticeGen.Check;
using NoticeGen.Load;

namespace NoticeGen.Build;

/// <summary>
/// What a build needs besides the files: the site folder, the date it is built for, whether to show the draft, how many
/// threads to use (0: every core) and where its cache lives (null: no cache).
/// </summary>
public sealed record BuildRequest(string SiteDir, DateOnly Today, bool Drafts, int Threads = 0, string? CacheDir = null)
{
    /// <summary>The cache folder of a site, named in its .gitignore.</summary>
    public const string CacheFolder = ".noticegen-cache";

    /// <summary>A release to add to the archive before building (not written: the release command writes it if the build checks clean).</summary>
    public ProposedRelease? Release { get; init; }

    /// <summary>
    /// Where the output a build replaces is kept for the next build to write over (null without a cache): unchanged files
    /// are then neither written nor deleted, and keep their dates.
    /// </summary>
    public string? KeptOutputDir => CacheDir is null ? null : Path.Combine(CacheDir, "previous-output");

    public ParallelOptions Parallel => new() { MaxDegreeOfParallelism = Threads > 0 ? Threads : Environment.ProcessorCount };

    /// <summary>
    /// The build date: --now if given, else SOURCE_DATE_EPOCH (the reproducible-builds convention), else today's UTC date.
    /// It decides which release is in force, so two builds with the same input and date give the same bytes.
    /// </summary>
    public static DateOnly ResolveToday(string? now, string? sourceDateEpoch, Func<DateTimeOffset> clock)
    {
        if (!string.IsNullOrWhiteSpace(now))
        {
            // Only the ISO form: "01/02/2026" means different days in different countries.
            return Dates.TryParse(now, out var date)
                ? date
                : throw new UserErrorException(Codes.Option.At(new SourceSpan("--now", 1, 1), $"'{now}' is not a date in the form YYYY-MM-DD.",
                    "Pass --now YYYY-MM-DD, e.g. --now 2026-01-01."));
        }

        if (!string.IsNullOrWhiteSpace(sourceDateEpoch))
        {
            if (long.TryParse(sourceDateEpoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                return DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
            }

            throw new UserErrorException(Codes.Option.At(new SourceSpan("SOURCE_DATE_EPOCH", 1, 1),
                $"SOURCE_DATE_EPOCH is '{sourceDateEpoch}', not a Unix time in seconds.", "Set it to a Unix time, e.g. $(git log -1 --format=%ct)."));
        }

        return DateOnly.FromDateTime(clock().UtcDateTime);
    }
}
