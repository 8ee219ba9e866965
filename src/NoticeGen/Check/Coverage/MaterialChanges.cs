using NoticeGen.Load;

namespace NoticeGen.Check.Coverage;

/// <summary>
/// Which topics a release changed on a page and which of those changes are material: a topic is material when a rule of
/// a law of the page's readers' jurisdictions marks it so (Colorado Rule 6.04(A)(1), for instance: purposes, categories
/// of data, controller identity, sharing, how rights are exercised). Pure.
/// </summary>
public static class MaterialChanges
{
    /// <summary>
    /// The report for one page. <paramref name="jurisdictions"/> are the page's readers' (see <see cref="PageJurisdictions.Readers"/>);
    /// <paramref name="changed"/> the sections whose text the release changed on the page.
    /// </summary>
    public static MaterialChangeReport Evaluate(RuleSet rules, LawMap laws, IReadOnlyList<string> jurisdictions, IEnumerable<ChangedSection> changed)
    {
        var sections = changed.ToList();
        var materialUnder = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (lawId, _) in laws.LawsOf(jurisdictions))
        {
            foreach (var rule in rules.FindLaw(lawId)?.Rules.Where(r => r.Material && r.Topic is not null) ?? [])
            {
                if (!materialUnder.TryGetValue(rule.Topic!, out var list))
                {
                    materialUnder[rule.Topic!] = list = [];
                }

                list.Add(lawId);
            }
        }

        var order = rules.Topics.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var touched = sections.SelectMany(s => s.OldTopics.Concat(s.NewTopics)).Distinct(StringComparer.Ordinal)
            .OrderBy(t => order.GetValueOrDefault(t, int.MaxValue)).ThenBy(t => t, StringComparer.Ordinal);
        var topics = touched.Select(topic =>
        {
            var before = sections.Any(s => s.OldTopics.Contains(topic, StringComparer.Ordinal));
            var after = sections.Any(s => s.NewTopics.Contains(topic, StringComparer.Ordinal));
            var kind = before && after ? TopicChangeKind.Edited : after ? TopicChangeKind.Added : TopicChangeKind.Removed;
            var via = sections.Where(s => s.OldTopics.Concat(s.NewTopics).Contains(topic, StringComparer.Ordinal)).Select(s => s.SectionId).ToList();
            return new TopicChange(topic, kind, via, materialUnder.GetValueOrDefault(topic) ?? []);
        }).ToList();
        return new MaterialChangeReport(topics);
    }

    /// <summary>
    /// The changed sections with their topics on each side, from the content before (null: nothing was released yet) and
    /// after a release; a section missing on one side covers nothing there. Releases frozen before their sections were
    /// tagged carry no <c>covers:</c>: for a fragment without any, the same fragment's topics in <paramref name="tagging"/>
    /// (the working content) are used, if given.
    /// </summary>
    public static IReadOnlyList<ChangedSection> Sections(ContentSet? before, ContentSet after, IEnumerable<string> changedSectionIds, ContentSet? tagging = null) =>
        changedSectionIds.Select(id => new ChangedSection(id, TopicsIn(before, id, tagging), TopicsIn(after, id, tagging))).ToList();

    private static IReadOnlyList<string> TopicsIn(ContentSet? content, string id, ContentSet? tagging)
    {
        if (content?.Find(id) is not { } fragment)
        {
            return [];
        }

        var topics = FragmentTopics.Of(content, fragment);
        return topics.Count == 0 && tagging?.Find(id) is { } tagged ? FragmentTopics.Of(tagging, tagged) : topics;
    }
}
