using NoticeGen.Check.Content;

namespace NoticeGen.Import;

/// <summary>An earlier fragment a section was matched to, and how alike their words are.</summary>
public sealed record SectionMatch(KnownFragment Fragment, double Similarity);

/// <summary>
/// Matches the sections of a new version to the fragments of earlier ones by content, so that a section keeps its id
/// (and its history) when its heading is renamed or it moves: the most alike pairs first, one fragment per section; then,
/// for a section rewritten beyond recognition, a fragment of the same notice with the same title.
/// </summary>
public static class SectionMatcher
{
    /// <summary>Below this share of words in common, two sections are different sections, whatever their titles.</summary>
    public const double MinimumSimilarity = 0.5;

    public static IReadOnlyList<SectionMatch?> Match(IReadOnlyList<(IReadOnlyList<ComparableWord> Words, string Title, string Notice)> sections, IReadOnlyList<KnownFragment> earlier)
    {
        var result = new SectionMatch?[sections.Count];
        var candidates = new List<(int Section, int Fragment, double Score, double Similarity)>();
        for (var s = 0; s < sections.Count; s++)
        {
            for (var f = 0; f < earlier.Count; f++)
            {
                var (a, b) = (sections[s].Words, earlier[f].Words);
                var (shorter, longer) = a.Count <= b.Count ? (a.Count, b.Count) : (b.Count, a.Count);
                if (longer == 0 || shorter < longer * MinimumSimilarity / (2 - MinimumSimilarity))
                {
                    continue;
                }

                var similarity = WordComparison.Similarity(a, b);
                if (similarity >= MinimumSimilarity)
                {
                    // Among equally alike candidates, the same title and the same notice win (shared text copied around).
                    var bonus = (earlier[f].Title == sections[s].Title ? 0.002 : 0) + (earlier[f].Notices.Contains(sections[s].Notice) ? 0.001 : 0);
                    candidates.Add((s, f, similarity + bonus, similarity));
                }
            }
        }

        var usedFragments = new HashSet<int>();
        foreach (var (s, f, _, similarity) in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Section).ThenBy(c => c.Fragment))
        {
            if (result[s] is null && usedFragments.Add(f))
            {
                result[s] = new SectionMatch(earlier[f], similarity);
            }
        }

        for (var s = 0; s < sections.Count; s++)
        {
            if (result[s] is not null)
            {
                continue;
            }

            var f = Enumerable.Range(0, earlier.Count).FirstOrDefault(f => !usedFragments.Contains(f)
                && string.Equals(earlier[f].Title, sections[s].Title, StringComparison.OrdinalIgnoreCase) && earlier[f].Notices.Contains(sections[s].Notice), -1);
            if (f >= 0)
            {
                usedFragments.Add(f);
                result[s] = new SectionMatch(earlier[f], WordComparison.Similarity(sections[s].Words, earlier[f].Words));
            }
        }

        return result;
    }
}
