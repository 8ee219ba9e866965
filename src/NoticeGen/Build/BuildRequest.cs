using NoticeGen.Load;
using System.Globalization;
using NoticeGen.Check;
using NoticeGen.History;
using NoticeGen.Releases;

namespace NoticeGen.Output;

/// <summary>What a build needs besides the site folder: the date it is built for, and whether to show the draft.</summary>
public sealed record BuildOptions(DateOnly Today, bool Drafts)
{
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
                : throw new UserErrorException(Diagnostic.Error(new SourceSpan("--now", 1, 1), $"'{now}' is not a date in the form YYYY-MM-DD.",
                    "Pass --now YYYY-MM-DD, e.g. --now 2026-01-01."));
        }

        if (!string.IsNullOrWhiteSpace(sourceDateEpoch))
        {
            if (long.TryParse(sourceDateEpoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                return DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
            }

            throw new UserErrorException(Diagnostic.Error(new SourceSpan("SOURCE_DATE_EPOCH", 1, 1),
                $"SOURCE_DATE_EPOCH is '{sourceDateEpoch}', not a Unix time in seconds.", "Set it to a Unix time, e.g. $(git log -1 --format=%ct)."));
        }

        return DateOnly.FromDateTime(clock().UtcDateTime);
    }
}
