using NoticeGen.Compose;
using NoticeGen.Load;

namespace NoticeGen.Output;

/// <summary>
/// The one owner of the output's URL layout: where each page, version, redline, changelog, feed and asset lives, and so
/// which ids and slugs are reserved. Folders end in '/', so pages have pretty URLs ("websites/california/").
/// </summary>
public sealed class SiteLayout(IReadOnlyDictionary<string, string> slugs)
{
    /// <summary>The file that holds a folder's page.</summary>
    public const string IndexFile = "index.html";

    /// <summary>The segment of redlines and changelogs, beside a page's audience folders and dated versions.</summary>
    public const string ChangesSegment = "changes";

    /// <summary>The segment of the unreleased working text (build --drafts).</summary>
    public const string DraftSegment = "draft";

    public const string AssetsFolder = "assets/";

    public const string FeedFile = "feed.xml";

    /// <summary>The site's changelog.</summary>
    public const string SiteChangelog = ChangesSegment + "/";

    /// <summary>The site's feed.</summary>
    public const string SiteFeed = FeedFile;

    /// <summary>Audience ids that would collide with folders beside the audience folders of a notice.</summary>
    public static IReadOnlyList<string> ReservedAudienceIds { get; } = [Audience.EveryoneId, ChangesSegment, DraftSegment];

    /// <summary>Slugs that would collide with folders at the top of the output.</summary>
    public static IReadOnlyList<string> ReservedSlugs { get; } = [ChangesSegment, AssetsFolder.TrimEnd('/')];

    /// <summary>The folder of a page's current version, e.g. "websites/" or "websites/california/".</summary>
    public string Page(PageKey key)
    {
        var slug = slugs.TryGetValue(key.NoticeId, out var s) ? s : key.NoticeId;
        return key.IsFullNotice ? $"{slug}/" : $"{slug}/{key.AudienceId}/";
    }

    /// <summary>The folder of a page in one version: current, dated ("websites/2025-05-04/") or the draft ("websites/draft/").</summary>
    public string Page(PageKey key, VersionLocation version) => Page(key) + version.Segment;

    /// <summary>The redline of a page up to a release, or to the draft: "websites/changes/2026-01-01/", "websites/changes/draft/".</summary>
    public string Redline(PageKey key, DateOnly? to) =>
        Page(key) + ChangesSegment + "/" + (to is { } date ? Dates.Iso(date) : DraftSegment) + "/";

    public string Changelog(PageKey key) => Page(key) + ChangesSegment + "/";

    public string Feed(PageKey key) => Page(key) + FeedFile;

    /// <summary>A release's entry in the site changelog, the target of the site feed's entries.</summary>
    public static string SiteChangelogEntry(DateOnly release) => SiteChangelog + "#release-" + Dates.Iso(release);

    /// <summary>The shortest relative URL from one output folder to another path (folders are "" for the root or end in '/').</summary>
    public static string Relative(string fromFolder, string toPath)
    {
        // Walked segment by segment without splitting either path: this runs for every link of every page written.
        var from = fromFolder.AsSpan();
        var depth = 0;
        var common = 0;
        var rest = 0;
        var matching = true;
        foreach (var range in from.Split('/'))
        {
            var segment = from[range];
            if (segment.IsEmpty)
            {
                continue;
            }

            depth++;
            // The target's last segment (its file, or the empty one after a folder's slash) is never shared.
            var slash = matching ? toPath.IndexOf('/', rest) : -1;
            if (slash >= 0 && toPath.AsSpan(rest, slash - rest).SequenceEqual(segment))
            {
                common++;
                rest = slash + 1;
            }
            else
            {
                matching = false;
            }
        }

        var ups = depth - common;
        if (ups == 0 && rest == toPath.Length)
        {
            return "./";
        }

        return string.Create(ups * 3 + toPath.Length - rest, (ups, toPath, rest), static (chars, state) =>
        {
            for (var i = 0; i < state.ups; i++)
            {
                "../".CopyTo(chars[(i * 3)..]);
            }

            state.toPath.AsSpan(state.rest).CopyTo(chars[(state.ups * 3)..]);
        });
    }

    /// <summary>An absolute URL under the site's base URL.</summary>
    public static string Absolute(string baseUrl, string path) => baseUrl.TrimEnd('/') + "/" + path;
}

/// <summary>Which version of a page a folder holds: the current one, a dated release, or the draft.</summary>
public sealed record VersionLocation(string Segment, DateOnly? Date)
{
    public static VersionLocation Current { get; } = new(string.Empty, null);

    public static VersionLocation Draft { get; } = new(SiteLayout.DraftSegment + "/", null);

    public static VersionLocation Dated(DateOnly effective) => new(Dates.Iso(effective) + "/", effective);
}
