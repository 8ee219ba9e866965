namespace NoticeGen.Bench.SiteGen;

/// <summary>A generated site, independent of any tool: what both the NoticeGen and the Hugo writers publish.</summary>
public sealed record SyntheticSite(
    string Title,
    string Organization,
    string ContactEmail,
    string BaseUrl,
    IReadOnlyList<SyntheticJurisdiction> Jurisdictions,
    IReadOnlyList<SyntheticAudience> Audiences,
    IReadOnlyList<SyntheticNotice> Notices)
{
    /// <summary>The same site with one fragment's body replaced.</summary>
    public SyntheticSite WithBody(string fragmentId, string body) => this with
    {
        Notices = Notices.Select(n => n with
        {
            Sections = n.Sections.Select(s => s.Id == fragmentId ? s with { Body = body } : s).ToList(),
        }).ToList(),
    };

    public IEnumerable<SyntheticFragment> Fragments => Notices.SelectMany(n => n.Sections);
}

/// <summary>A jurisdiction a fragment can be limited to.</summary>
public sealed record SyntheticJurisdiction(string Id, string Name);

/// <summary>A jurisdiction view of every notice; audience i has jurisdiction i.</summary>
public sealed record SyntheticAudience(string Id, string Name, string Jurisdiction);

/// <summary>A notice: its sections in reading order, and the product name its fragments refer to.</summary>
public sealed record SyntheticNotice(string Id, string Title, string Product, IReadOnlyList<SyntheticFragment> Sections)
{
    /// <summary>The sections on the page for an audience (null: the full notice), as NoticeGen composes them.</summary>
    public IReadOnlyList<SyntheticFragment> SectionsFor(SyntheticAudience? audience) =>
        Sections.Where(s => s.Jurisdiction is null || audience is null || s.Jurisdiction == audience.Jurisdiction).ToList();
}

/// <summary>
/// One section, written in NoticeGen's Markdown: the body may hold [](#id) references to sections of the same notice and
/// {{ notice.product }} / {{ site.organization }} parameters.
/// </summary>
public sealed record SyntheticFragment(string Id, string NoticeId, string Title, string? Jurisdiction, string Body)
{
    /// <summary>Where NoticeGen finds it, relative to the site folder.</summary>
    public string RelativePath => $"content/fragments/{NoticeId}/{Id}.md";
}
