using NoticeGen.Check;

namespace NoticeGen.Load;

/// <summary>Site-wide settings: title, the index page's intro fragment, and free-form parameters available as {{ site.KEY }}.</summary>
public sealed record SiteInfo(string Title, string? BaseUrl, string? IntroFragment, IReadOnlyList<KeyValuePair<string, string>> Params);

/// <summary>A jurisdiction a section can be tagged with, such as "california".</summary>
public sealed record Jurisdiction(string Id, string Name);

/// <summary>A readership that gets its own page of each notice: a named set of jurisdictions. The full notice is <see cref="Everyone"/>.</summary>
public sealed record Audience(string Id, string Name, IReadOnlyList<string> Jurisdictions)
{
    public const string EveryoneId = "all";

    /// <summary>The full notice: every section, every jurisdiction-specific passage.</summary>
    public static Audience Everyone { get; } = new(EveryoneId, "Full notice (everyone)", []);

    public bool IsEveryone => Id == EveryoneId;

    /// <summary>Whether text tagged with <paramref name="tags"/> belongs on this audience's page (no tags = for everyone).</summary>
    public bool Sees(IReadOnlyCollection<string> tags) =>
        IsEveryone || tags.Count == 0 || tags.Any(t => Jurisdictions.Contains(t, StringComparer.Ordinal));
}

/// <summary>A section listed in a notice, with where it is listed (for errors).</summary>
public sealed record SectionRef(string FragmentId, SourceSpan Where);

/// <summary>One privacy notice: its title, URL slug, ordered sections and free-form parameters ({{ notice.KEY }}).</summary>
public sealed record Notice(
    string Id,
    string Title,
    string Slug,
    string? IntroFragment,
    bool Numbered,
    IReadOnlyList<SectionRef> Sections,
    IReadOnlyList<KeyValuePair<string, string>> Params,
    SourceSpan Where);

/// <summary>Everything site.yml says: the site, its jurisdictions, audiences and notices.</summary>
public sealed record SiteModel(
    SiteInfo Site,
    IReadOnlyList<Jurisdiction> Jurisdictions,
    IReadOnlyList<Audience> Audiences,
    IReadOnlyList<Notice> Notices)
{
    /// <summary>The audiences that get a page of every notice: the full notice first, then the jurisdiction views.</summary>
    public IEnumerable<Audience> PageAudiences => Audiences.Prepend(Audience.Everyone);
}
