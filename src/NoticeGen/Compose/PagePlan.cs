using NoticeGen.Load;

namespace NoticeGen.Compose;

/// <summary>A section as it stands on one page: its fragment and its number there (null on unnumbered notices).</summary>
public sealed record PlannedSection(Fragment Fragment, int? Number)
{
    public string Id => Fragment.Id;

    public string Title => Fragment.Title ?? Fragment.Id;
}

/// <summary>
/// What one notice x audience page holds, before any text is rendered. A plan says nothing about where the page is
/// published: the same rendered text serves the current page, its dated version and its redlines (see Output/SiteLayout).
/// </summary>
public sealed record PagePlan(Notice Notice, Audience Audience, Fragment? Intro, IReadOnlyList<PlannedSection> Sections, IReadOnlyList<PageAnchor> Anchors)
{
    private readonly Dictionary<string, PlannedSection> _byId = Sections.ToDictionary(s => s.Id, StringComparer.Ordinal);

    /// <summary>Identifies the page across versions: notice and audience ids.</summary>
    public PageKey Key { get; } = new(Notice.Id, Audience.Id);

    public PlannedSection? Find(string sectionId) => _byId.GetValueOrDefault(sectionId);

    /// <summary>
    /// A heading inside a section by the id a reference names: "usage-information" (the first heading that asks for it,
    /// or has it on the page) or "section-id/usage-information".
    /// </summary>
    public PageAnchor? FindAnchor(string reference)
    {
        var slash = reference.IndexOf('/');
        return slash > 0
            ? Anchors.FirstOrDefault(a => a.Section == reference[..slash] && a.RawId == reference[(slash + 1)..])
            : Anchors.FirstOrDefault(a => a.Id == reference) ?? Anchors.FirstOrDefault(a => a.RawId == reference);
    }
}

/// <summary>Identifies one notice x audience page across versions.</summary>
public sealed record PageKey(string NoticeId, string AudienceId)
{
    public bool IsFullNotice => AudienceId == Audience.EveryoneId;

    public override string ToString() => $"{NoticeId}/{AudienceId}";
}

/// <summary>Every page of a content set, so that references can find their targets on any page.</summary>
public sealed record SitePlan(ContentSet Content, IReadOnlyList<PagePlan> Pages)
{
    private readonly Dictionary<PageKey, PagePlan> _byKey = Pages.ToDictionary(p => p.Key);

    public PagePlan? Find(string noticeId, string audienceId) => _byKey.GetValueOrDefault(new PageKey(noticeId, audienceId));

    public PagePlan? Find(PageKey key) => _byKey.GetValueOrDefault(key);
}
