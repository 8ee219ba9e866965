using NoticeGen.Check;

namespace NoticeGen.Load;

/// <summary>
/// Site-wide settings: title, base URL, the index page's intro fragment, the language of the pages, and free-form
/// parameters ({{ site.KEY }}) from the 'params:' mapping.
/// </summary>
public sealed record SiteInfo(string Title, string? BaseUrl, string? IntroFragment, IReadOnlyList<KeyValuePair<string, string>> Params)
{
    /// <summary>Where each parameter is defined in site.yml.</summary>
    public IReadOnlyList<KeyValuePair<string, SourceSpan>> ParamSpans { get; init; } = [];

    /// <summary>How many of the latest releases each Atom feed keeps (feed readers need only the recent ones).</summary>
    public int FeedEntries { get; init; } = 20;

    /// <summary>The language of the pages (html lang); English unless site.yml says otherwise.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Where site.yml names <see cref="IntroFragment"/>, for findings about it.</summary>
    public SourceSpan? IntroWhere { get; init; }
}

/// <summary>
/// A jurisdiction a section can be tagged with, such as "california". <see cref="Laws"/> names the laws whose coverage
/// rules apply to its readers; null means the defaults of the rule files (e.g. california: ccpa).
/// </summary>
public sealed record Jurisdiction(string Id, string Name)
{
    public IReadOnlyList<string>? Laws { get; init; }

    public SourceSpan? LawsWhere { get; init; }

    /// <summary>Where site.yml defines it, for findings about the jurisdiction itself.</summary>
    public SourceSpan? Where { get; init; }
}

/// <summary>A readership that gets its own page of each notice: a named set of jurisdictions. The full notice is <see cref="Everyone"/>.</summary>
public sealed record Audience(string Id, string Name, IReadOnlyList<string> Jurisdictions)
{
    public const string EveryoneId = "all";

    /// <summary>The full notice: every section, every jurisdiction-specific passage.</summary>
    public static Audience Everyone { get; } = new(EveryoneId, "Full notice (everyone)", []);

    /// <summary>The region the audience switcher lists it under (e.g. "United States"); null: no group.</summary>
    public string? Group { get; init; }

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
    SourceSpan Where)
{
    /// <summary>Where each parameter is defined in site.yml.</summary>
    public IReadOnlyList<KeyValuePair<string, SourceSpan>> ParamSpans { get; init; } = [];

    /// <summary>Where the notice's personal data comes from ('sources: [person, others]'); GDPR Art. 13 and 14 rules follow it.</summary>
    public IReadOnlyList<string> Sources { get; init; } = ["person", "others"];

    /// <summary>Where site.yml names <see cref="IntroFragment"/>, for findings about it.</summary>
    public SourceSpan? IntroWhere { get; init; }
}

/// <summary>Everything site.yml says: the site, its jurisdictions, audiences and notices, and how checks are set.</summary>
public sealed record SiteModel(
    SiteInfo Site,
    IReadOnlyList<Jurisdiction> Jurisdictions,
    IReadOnlyList<Audience> Audiences,
    IReadOnlyList<Notice> Notices)
{
    /// <summary>site.yml's 'checks:': a warning's code turned off or raised to an error.</summary>
    public IReadOnlyDictionary<string, CheckSetting> Checks { get; init; } = new Dictionary<string, CheckSetting>();

    /// <summary>The audiences that get a page of every notice: the full notice first, then the jurisdiction views.</summary>
    public IEnumerable<Audience> PageAudiences => Audiences.Prepend(Audience.Everyone);
}
