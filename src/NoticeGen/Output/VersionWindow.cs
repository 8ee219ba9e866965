using NoticeGen.History;
using NoticeGen.Releases;

namespace NoticeGen.Output;

/// <summary>
/// The versions a page lists under "Versions of this page": all of them up to <see cref="Shown"/>, else the ones
/// nearest the version shown, newest first. The page's changelog lists every change.
/// </summary>
/// <remarks>
/// Listing every version on every version made a long history quadratic: at 200 releases each archived page carried a
/// 200-line list, and the site's output was 470 MB, most of it these lists. A reader looking at one version wants its
/// neighbours; the changelog and the feed hold the whole history.
/// </remarks>
public sealed record VersionWindow(IReadOnlyList<PageVersion> Versions, int Total, int FirstNumber)
{
    /// <summary>How many versions a page lists at most.</summary>
    public const int Shown = 12;

    /// <summary>
    /// The window of <paramref name="versions"/> (oldest first) around <paramref name="release"/>'s version, or around the
    /// newest when the page shows the draft; <see cref="FirstNumber"/> is the number of its first (newest) entry.
    /// </summary>
    public static VersionWindow Around(IReadOnlyList<PageVersion> versions, Release? release)
    {
        var newestFirst = versions.Reverse().ToList();
        if (newestFirst.Count <= Shown)
        {
            return new VersionWindow(newestFirst, newestFirst.Count, newestFirst.Count);
        }

        var anchor = release is null ? 0 : Math.Max(0, newestFirst.FindIndex(v => v.Release == release));
        var start = Math.Clamp(anchor - (Shown / 2) + 1, 0, newestFirst.Count - Shown);
        return new VersionWindow(newestFirst.GetRange(start, Shown), newestFirst.Count, newestFirst.Count - start);
    }
}
