using NoticeGen.Load;

namespace NoticeGen.Check.Coverage;

/// <summary>
/// Which laws apply to each of a site's jurisdictions: the site's own mapping where it gives one (an empty list says
/// "no law to check"), otherwise the laws whose rule files name the jurisdiction in <c>default-jurisdictions</c>.
/// <see cref="Unmapped"/> are the jurisdictions neither names, whose pages are therefore not checked.
/// </summary>
public sealed record LawMap(IReadOnlyDictionary<string, IReadOnlyList<string>> LawsByJurisdiction, IReadOnlyList<string> Unmapped)
{
    /// <summary>The laws of some jurisdictions, each with the jurisdictions that bring it in, in law id order.</summary>
    public IReadOnlyList<(string LawId, IReadOnlyList<string> Jurisdictions)> LawsOf(IEnumerable<string> jurisdictions)
    {
        var byLaw = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var jurisdiction in jurisdictions.Distinct(StringComparer.Ordinal))
        {
            foreach (var law in LawsByJurisdiction.GetValueOrDefault(jurisdiction) ?? [])
            {
                if (!byLaw.TryGetValue(law, out var list))
                {
                    byLaw[law] = list = [];
                }

                list.Add(jurisdiction);
            }
        }

        return byLaw.Select(kv => (kv.Key, (IReadOnlyList<string>)kv.Value)).ToList();
    }

    /// <summary>
    /// Maps every jurisdiction of a site. <paramref name="explicitLaws"/> is what the site says (jurisdiction id to law ids);
    /// a law id no rule file defines is an error, located by <paramref name="where"/> (default: site.yml).
    /// </summary>
    public static LawMap Resolve(
        RuleSet rules,
        IEnumerable<string> jurisdictions,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? explicitLaws,
        DiagnosticSink diagnostics,
        Func<string, SourceSpan>? where = null)
    {
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var unmapped = new List<string>();
        var lawIds = rules.Laws.Select(l => l.Id).ToList();
        foreach (var jurisdiction in jurisdictions)
        {
            if (explicitLaws is not null && explicitLaws.TryGetValue(jurisdiction, out var named))
            {
                foreach (var unknown in named.Where(id => rules.FindLaw(id) is null))
                {
                    diagnostics.Report(Codes.UnknownName, where?.Invoke(jurisdiction) ?? SourceSpan.StartOf(SiteLoader.FileName),
                        $"The jurisdiction '{jurisdiction}' names the law '{unknown}', but no rule file defines it.{Spelling.DidYouMean(unknown, lawIds)}",
                        $"Use one of {string.Join(", ", lawIds)}, or add rules/{unknown}.yml.");
                }

                map[jurisdiction] = named.Where(id => rules.FindLaw(id) is not null).Distinct(StringComparer.Ordinal).ToList();
                continue;
            }

            var defaults = rules.Laws.Where(l => l.DefaultJurisdictions.Contains(jurisdiction, StringComparer.Ordinal)).Select(l => l.Id).ToList();
            map[jurisdiction] = defaults;
            if (defaults.Count == 0)
            {
                unmapped.Add(jurisdiction);
            }
        }

        return new LawMap(map, unmapped);
    }
}
