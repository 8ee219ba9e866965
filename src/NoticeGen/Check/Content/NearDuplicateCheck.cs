namespace NoticeGen.Check.Content;

/// <summary>
/// Paragraphs in different fragments that say nearly the same thing (word similarity 0.9 or more): the drift that made
/// the seed's near-copies. Reported at the second of the two places, with the first place and the words that differ.
/// A paragraph copied word for word into many fragments is one finding listing every copy, not one per pair of copies:
/// sixty copies would otherwise be 1,770 findings (and as many alignments), burying everything else a check says.
/// </summary>
public sealed class NearDuplicateCheck : IContentCheck
{
    /// <summary>How many further places a finding names before it just counts them.</summary>
    private const int PlacesNamed = 5;

    public IReadOnlyList<DiagnosticCode> Codes { get; } = [Check.Codes.NearDuplicate];

    public void Run(ContentCheckContext context, DiagnosticSink sink)
    {
        var paragraphs = context.Working.Fragments.SelectMany(FragmentParagraphs.Of).ToList();
        // Each paragraph is split into words once, on all cores, for both the grouping of copies and the search.
        var words = paragraphs.AsParallel().AsOrdered().WithDegreeOfParallelism(Load.Threads.Of(context.Parallel)).Select(p => ComparableWords.Of(p.Text)).ToList();
        var copies = WordForWordCopies(paragraphs, words);
        foreach (var group in copies.Select(g => g.Select(p => p.Paragraph).ToList()).Where(g => g.Select(p => p.FragmentId).Distinct().Count() > 1))
        {
            var first = group[0];
            var second = group.First(p => p.FragmentId != first.FragmentId);
            var more = group.Where(p => p != first && p != second && p.FragmentId != first.FragmentId).ToList();
            var also = more.Count == 0 ? string.Empty
                : $" So are {more.Count} more: {string.Join(", ", more.Take(PlacesNamed).Select(p => p.Where))}{(more.Count > PlacesNamed ? $" and {more.Count - PlacesNamed} other(s)" : string.Empty)}.";
            var pair = new NearDuplicate(first, second, 1, []);
            sink.Report(Check.Codes.NearDuplicate, second.Where,
                $"This paragraph is word for word the one at {first.Where} ('{first.FragmentId}').{also}", pair.Suggestion);
        }

        // Copies say what their group's first paragraph says: only the first takes part in the near-duplicate search.
        var representatives = copies.Select(g => g[0]).ToList();
        foreach (var pair in NearDuplicateFinder.Find(representatives.Select(p => p.Paragraph).ToList(), words: representatives.Select(p => p.Words).ToList()).Pairs)
        {
            sink.Report(Check.Codes.NearDuplicate, pair.Second.Where,
                $"This paragraph is {NearDuplicate.Percent(pair.Similarity)} like the one at {pair.First.Where} ('{pair.First.FragmentId}')"
                + (pair.Changes.Count == 0 ? ", word for word." : ": " + string.Join("; ", pair.Changes) + "."),
                pair.Suggestion);
        }
    }

    /// <summary>The paragraphs grouped by their compared words (in reading order, groups in order of first appearance).</summary>
    private static List<List<SplitParagraph>> WordForWordCopies(
        IReadOnlyList<Paragraph> paragraphs, IReadOnlyList<IReadOnlyList<ComparableWord>> words)
    {
        var groups = new Dictionary<string, List<SplitParagraph>>(StringComparer.Ordinal);
        var ordered = new List<List<SplitParagraph>>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (words[i].Count < NearDuplicateFinder.MinimumWords)
            {
                ordered.Add([new SplitParagraph(paragraphs[i], words[i])]); // short lines ("Contact us") are alike by accident, not copied
                continue;
            }

            var key = string.Join(' ', words[i].Select(w => w.Key));
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = [];
                ordered.Add(group);
            }

            group.Add(new SplitParagraph(paragraphs[i], words[i]));
        }

        return ordered;
    }
}

/// <summary>A paragraph with the words it is compared by.</summary>
internal sealed record SplitParagraph(Paragraph Paragraph, IReadOnlyList<ComparableWord> Words);
