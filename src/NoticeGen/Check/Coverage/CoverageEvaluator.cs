using NoticeGen.Load;

namespace NoticeGen.Check.Coverage;

/// <summary>
/// Checks pages against the laws of their jurisdictions: every topic a law requires is covered by a section on the page,
/// and the page's dates meet the law's date rules. Pure: everything it needs is in its arguments.
/// </summary>
public static class CoverageEvaluator
{
    /// <summary>The findings for every page, in page order, then law id, then the order of the rules in their file.</summary>
    public static IReadOnlyList<CoverageFinding> Evaluate(RuleSet rules, LawMap laws, IEnumerable<CoveragePage> pages, DateOnly buildDate)
    {
        var findings = new List<CoverageFinding>();
        // Pages of one audience share their jurisdictions, so their laws are looked up once, not once per page.
        var lawsOf = new Dictionary<string, IReadOnlyList<(string LawId, IReadOnlyList<string> Jurisdictions)>>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var covered = page.Sections.SelectMany(s => s.Topics).ToHashSet(StringComparer.Ordinal);
            var key = string.Join('\n', page.Jurisdictions);
            if (!lawsOf.TryGetValue(key, out var pageLaws))
            {
                lawsOf[key] = pageLaws = laws.LawsOf(page.Jurisdictions);
            }

            foreach (var (lawId, jurisdictions) in pageLaws)
            {
                var law = rules.FindLaw(lawId) ?? throw new ArgumentException($"The law map names '{lawId}', which the rule set does not hold.", nameof(laws));
                foreach (var rule in law.Rules.Where(r => (r.AppliesTo & page.Sources) != 0))
                {
                    var problem = rule.Kind switch
                    {
                        RuleKind.Topic => MissingTopic(rule, covered),
                        RuleKind.LastUpdatedPresent => page.Dates.LastUpdated is null ? NeverReleased() : ((string, string)?)null,
                        RuleKind.LastUpdatedWithin => Stale(page, rule, buildDate),
                        _ => throw new ArgumentOutOfRangeException(nameof(rules), rule.Kind, "Unknown rule kind."),
                    };

                    if (problem is var (what, fix))
                    {
                        var requirement = $"{law.Id} requires it for {string.Join(", ", jurisdictions)}: {rule.Requires.TrimEnd('.')} ({rule.Source}).";
                        findings.Add(new CoverageFinding(page.Page, law, jurisdictions, rule,
                            $"Page {page.Page} ({page.Page.AudienceName}) {what}; {requirement}{Hint(page, rule)}", fix));
                    }
                }
            }
        }

        return findings;
    }

    /// <summary>Topic ids in fragments' <c>covers:</c> that the vocabulary does not hold, each an error where it is written.</summary>
    public static IReadOnlyList<Diagnostic> UnknownTopics(RuleSet rules, IEnumerable<Fragment> fragments)
    {
        var ids = rules.Topics.Select(t => t.Id).ToList();
        return fragments
            .SelectMany(f => f.Covers)
            .Where(c => rules.FindTopic(c.Value) is null)
            .Select(c => Codes.UnknownTopic.At(c.Where, $"Unknown topic '{c.Value}' in 'covers'.{Spelling.DidYouMean(c.Value, ids)}",
                "Use a topic id of the vocabulary (the topic table in the README), or define the topic under 'topics:' in a rule file in rules/."))
            .ToList();
    }

    private static (string What, string Fix)? MissingTopic(CoverageRule rule, HashSet<string> covered) =>
        covered.Contains(rule.Topic!)
            ? null
            : ($"does not cover '{rule.Topic}'",
                $"Add a section covering {rule.Topic}, or add `covers: [{rule.Topic}]` to the section that does.");

    private static (string What, string Fix) NeverReleased() =>
        ("has no last-updated date: it has never been released",
            "Release the notice (noticegen release --effective YYYY-MM-DD --summary \"...\"); its pages then show the date.");

    private static (string What, string Fix)? Stale(CoveragePage page, CoverageRule rule, DateOnly buildDate)
    {
        var (updated, reviewed) = (page.Dates.LastUpdated, page.Dates.LastReviewed);
        if (updated is null)
        {
            return NeverReleased();
        }

        var latest = rule.ReviewedCounts && reviewed > updated ? reviewed.Value : updated.Value;
        // A build date in the first months of year 1 has no earlier date to count back to (and nothing can be older).
        if (buildDate < DateOnly.MinValue.AddMonths(rule.Months) || latest >= buildDate.AddMonths(-rule.Months))
        {
            return null;
        }

        var dates = $"was last updated on {Dates.Iso(updated.Value)}" + (reviewed is { } r ? $" and last reviewed on {Dates.Iso(r)}" : string.Empty);
        var counted = rule.ReviewedCounts ? "review" : "update";
        return ($"{dates}, its last {counted} more than {rule.Months} months before the build date {Dates.Iso(buildDate)}",
            rule.ReviewedCounts
                ? "Review the notice and release it: a release that leaves the page's text unchanged counts as a review."
                : "Update the notice and release it.");
    }

    /// <summary>When a section of the notice that this page leaves out covers the topic, says so: the fix is often its jurisdictions.</summary>
    private static string Hint(CoveragePage page, CoverageRule rule)
    {
        if (rule.Topic is null)
        {
            return string.Empty;
        }

        var elsewhere = page.NotShown.Where(s => s.Topics.Contains(rule.Topic, StringComparer.Ordinal)).Select(s => s.SectionId).ToList();
        return elsewhere.Count == 0
            ? string.Empty
            : $" The notice's section{(elsewhere.Count > 1 ? "s" : string.Empty)} {string.Join(", ", elsewhere)} cover{(elsewhere.Count > 1 ? string.Empty : "s")} it, but this page does not show {(elsewhere.Count > 1 ? "them" : "it")}.";
    }
}
