using NoticeGen.Load;

namespace NoticeGen.Compose;

/// <summary>A section as it stands on one page: its fragment and its number there (null on unnumbered notices).</summary>
public sealed record PlannedSection(Fragment Fragment, int? Number)
{
    public string Id => Fragment.Id;

    public string Title => Fragment.Title ?? Fragment.Id;
}

/// <summary>
/// What one notice x audience page holds, before any text is rendered. <see cref="Version"/> says which version of
/// other pages its references link to ("" current, "2025-05-04/" archived, "draft/"); <see cref="Location"/> where it is
/// written, below the page's current folder.
/// </summary>
public sealed record PagePlan(Notice Notice, Audience Audience, Fragment? Intro, IReadOnlyList<PlannedSection> Sections, string Version, string Location)
{
    /// <summary>The page's folder in the output, e.g. "websites/", "websites/california/" or "websites/california/2025-05-04/".</summary>
    public string Path => CurrentPath + Location;

    /// <summary>The folder of the page's current version, whatever version this plan is for.</summary>
    public string CurrentPath => PagePaths.NoticePage(Notice, Audience);

    /// <summary>Where references to this page link: its folder in the version being rendered.</summary>
    public string LinkPath => CurrentPath + Version;

    /// <summary>Identifies the page across versions: notice and audience ids.</summary>
    public PageKey Key => new(Notice.Id, Audience.Id);

    public PlannedSection? Find(string sectionId) => Sections.FirstOrDefault(s => s.Id == sectionId);
}

/// <summary>Identifies one notice x audience page across versions.</summary>
public sealed record PageKey(string NoticeId, string AudienceId)
{
    public override string ToString() => $"{NoticeId}/{AudienceId}";
}

/// <summary>Every page of a content set, so that references can find their targets on any page.</summary>
public sealed record SitePlan(ContentSet Content, IReadOnlyList<PagePlan> Pages)
{
    public PagePlan? Find(string noticeId, string audienceId) =>
        Pages.FirstOrDefault(p => p.Notice.Id == noticeId && p.Audience.Id == audienceId);
}

/// <summary>Where pages live in the output. Folders end in '/', so pages have pretty URLs.</summary>
public static class PagePaths
{
    public static string NoticePage(Notice notice, Audience audience) =>
        audience.IsEveryone ? $"{notice.Slug}/" : $"{notice.Slug}/{audience.Id}/";

    /// <summary>The shortest relative URL from one output folder to another path (folders are "" for the root or end in '/').</summary>
    public static string Relative(string fromFolder, string toPath)
    {
        var from = fromFolder.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var to = toPath.Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common])
        {
            common++;
        }

        var url = string.Concat(Enumerable.Repeat("../", from.Length - common)) + string.Join('/', to[common..]);
        return url.Length == 0 ? "./" : url;
    }
}
