using NoticeGen.Load;

namespace NoticeGen.Check.Coverage;

/// <summary>Which jurisdictions a page answers for, for the coverage check and for material changes.</summary>
public static class PageJurisdictions
{
    /// <summary>
    /// The jurisdictions whose laws a page must meet: an audience's own; for the full notice, those no audience page
    /// covers, since their readers have no page of their own (readers with one are checked there).
    /// </summary>
    public static IReadOnlyList<string> Checked(SiteModel site, Audience audience) =>
        audience.IsEveryone
            ? site.Jurisdictions.Select(j => j.Id).Where(id => !site.Audiences.Any(a => a.Jurisdictions.Contains(id, StringComparer.Ordinal))).ToList()
            : audience.Jurisdictions;

    /// <summary>
    /// The jurisdictions whose readers may read a page and follow its changes: an audience's own; for the full notice,
    /// every jurisdiction, since anyone can read it. Material changes are judged under their laws.
    /// </summary>
    public static IReadOnlyList<string> Readers(SiteModel site, Audience audience) =>
        audience.IsEveryone ? site.Jurisdictions.Select(j => j.Id).ToList() : audience.Jurisdictions;
}
