namespace NoticeGen.Import;

/// <summary>One imported version of a site: what site.yml says, and every fragment file.</summary>
public sealed record DraftSite(string Title, string? Intro, IReadOnlyList<DraftNotice> Notices, IReadOnlyList<DraftFragment> Fragments, string Origin)
{
    /// <summary>The jurisdictions the fragments were guessed for, in a stable order.</summary>
    public IReadOnlyList<string> Jurisdictions =>
        Fragments.Where(f => f.Jurisdictions is not null).SelectMany(f => f.Jurisdictions!.Jurisdictions).Distinct(StringComparer.Ordinal).ToList();
}
