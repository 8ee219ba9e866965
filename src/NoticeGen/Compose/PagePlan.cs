using NoticeGen.Load;

namespace NoticeGen.Compose;

/// <summary>A section as it stands on one page: its fragment and its number there (null on unnumbered notices).</summary>
public sealed record PlannedSection(Fragment Fragment, int? Number)
{
    public string Id => Fragment.Id;

    public string Title => Fragment.Title ?? Fragment.Id;
}

/// <summary>What one notice x audience page holds, before any text is rendered.</summary>
public sealed record PagePlan(Notice Notice, Audience Audience, Fragment? Intro, IReadOnlyList<PlannedSection> Sections)
{
    /// <summary>The page's folder in the output, e.g. "websites/" or "websites/california/".</summary>
    public string Path => PagePaths.NoticePage(Notice, Audience);

    public PlannedSection? Find(string sectionId) => Sections.FirstOrDefault(s => s.Id == sectionId);
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

    /// <summary>A relative URL from one output folder to another (both "" for the root or ending in '/').</summary>
    public static string Relative(string fromFolder, string toPath)
    {
        var depth = fromFolder.Count(c => c == '/');
        var prefix = string.Concat(Enumerable.Repeat("../", depth));
        var url = prefix + toPath;
        return url.Length == 0 ? "./" : url;
    }
}
