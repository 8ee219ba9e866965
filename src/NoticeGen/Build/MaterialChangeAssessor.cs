using NoticeGen.Check;
using NoticeGen.Check.Coverage;
using NoticeGen.History;
using NoticeGen.Load;

namespace NoticeGen.Build;

/// <summary>
/// Names the legal topics a redline changed on a page and flags the material ones under the laws of the page's
/// readers ("material change: purposes"), from the sections' 'covers:' and the rule files. Sections of old releases
/// that predate 'covers:' are read with the working text's tags.
/// </summary>
public sealed class MaterialChangeAssessor
{
    private readonly ContentSet _working;
    private readonly RuleSet? _rules;
    private readonly LawMap? _laws;

    public MaterialChangeAssessor(string siteDir, ContentSet working)
    {
        _working = working;

        // Rule files are checked, and their mistakes reported, by the coverage check; here they are only used when sound.
        var own = new DiagnosticSink();
        _rules = own.Collect(() => RuleLoader.Load(siteDir, own));
        var site = working.Site;
        _laws = _rules is null
            ? null
            : LawMap.Resolve(_rules, site.Jurisdictions.Select(j => j.Id), site.Jurisdictions.Where(j => j.Laws is not null).ToDictionary(j => j.Id, j => j.Laws!), own);
    }

    /// <summary>The topics <paramref name="redline"/> changed on its page; empty when rules are unusable or nothing changed.</summary>
    public MaterialChangeReport Assess(RedlineEntry entry, PageRedline redline) => Assess(entry, redline.ChangedSectionIds);

    /// <summary>The topics a change of these sections makes on the entry's page.</summary>
    public MaterialChangeReport Assess(RedlineEntry entry, IReadOnlyList<string> changedSectionIds)
    {
        if (_rules is null || _laws is null || changedSectionIds.Count == 0)
        {
            return new MaterialChangeReport([]);
        }

        var after = entry.To?.Content ?? _working;
        var sections = MaterialChanges.Sections(entry.From?.Content, after, changedSectionIds, _working);
        return MaterialChanges.Evaluate(_rules, _laws, PageJurisdictions.Readers(after.Site, entry.Audience), sections);
    }
}
