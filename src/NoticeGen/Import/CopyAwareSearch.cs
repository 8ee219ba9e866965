using NoticeGen.Check.Content;

namespace NoticeGen.Import;

/// <summary>
/// Near-duplicate search for a page that repeats text word for word (boilerplate pasted into every section). Every
/// pair of copies is 100% alike, so no filter of <see cref="NearDuplicateFinder"/> can skip it, and comparing them all
/// is quadratic: 300 sections holding the same paragraph three times took 30 s. Here each distinct text (by its
/// comparable words) is searched once, and the report lists each later copy once, with the first copy it may be
/// paired with, and each near-duplicate pair of texts once, at the first places they may be paired.
/// </summary>
/// <param name="owner">
/// For each paragraph, who it belongs to: paragraphs of one owner (one section, or sections that repeat each other) are
/// never paired, nor are paragraphs of owners that <c>related</c> says were paired already.
/// </param>
internal sealed class CopyAwareSearch(IReadOnlyList<Paragraph> paragraphs, IReadOnlyList<int> owner, Func<int, int, bool> related)
{
    /// <summary>For each paragraph, the number of its distinct text; -1 for one too short to be searched.</summary>
    public int[] TextOf { get; } = new int[paragraphs.Count];

    public IReadOnlyList<NearDuplicate> Find(double threshold)
    {
        var words = paragraphs.Select(p => ComparableWords.Of(p.Text)).ToList();
        var copies = new List<List<int>>();
        var byText = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (words[i].Count < NearDuplicateFinder.MinimumWords)
            {
                TextOf[i] = -1;
                continue;
            }

            var key = string.Join(' ', words[i].Select(w => w.Key));
            if (!byText.TryGetValue(key, out var text))
            {
                byText[key] = text = copies.Count;
                copies.Add([]);
            }

            TextOf[i] = text;
            copies[text].Add(i);
        }

        var found = new List<NearDuplicate>();
        foreach (var members in copies)
        {
            var seen = new List<int>(); // the first paragraph of each owner, in reading order
            var owners = new HashSet<int>();
            foreach (var m in members)
            {
                if (seen.FirstOrDefault(e => Apart(e, m), -1) is var e and >= 0)
                {
                    found.Add(new NearDuplicate(paragraphs[e], paragraphs[m], 1, []));
                }

                if (owners.Add(owner[m]))
                {
                    seen.Add(m);
                }
            }
        }

        // Each distinct text once, under an owner of its own, so texts whose first copies share a section are compared too.
        var firsts = copies.Select((c, n) => paragraphs[c[0]] with { FragmentId = n.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList();
        var pairs = NearDuplicateFinder.Find(firsts, threshold, words: copies.Select(c => words[c[0]]).ToList()).Pairs;
        foreach (var pair in pairs)
        {
            var (a, b) = (copies[int.Parse(pair.First.FragmentId, System.Globalization.CultureInfo.InvariantCulture)],
                copies[int.Parse(pair.Second.FragmentId, System.Globalization.CultureInfo.InvariantCulture)]);
            if (FirstApart(a, b) is var (x, y))
            {
                found.Add(pair with { First = paragraphs[x], Second = paragraphs[y] });
            }
        }

        return found.OrderBy(p => p.First.File, StringComparer.Ordinal).ThenBy(p => p.First.Line)
            .ThenBy(p => p.Second.File, StringComparer.Ordinal).ThenBy(p => p.Second.Line).ToList();
    }

    private bool Apart(int a, int b) => owner[a] != owner[b] && !related(owner[a], owner[b]);

    /// <summary>
    /// The earliest copies of two texts that may be paired (a copy of <paramref name="a"/> first, as the differences
    /// were found from it); each owner's first copy is tried once.
    /// </summary>
    private (int, int)? FirstApart(List<int> a, List<int> b)
    {
        var firstsOfA = a.DistinctBy(i => owner[i]).ToList();
        (int X, int Y)? best = null;
        foreach (var y in b.DistinctBy(i => owner[i]))
        {
            if (firstsOfA.FirstOrDefault(x => Apart(x, y), -1) is var x and >= 0 && (best is null || Order(x, y).CompareTo(Order(best.Value.X, best.Value.Y)) < 0))
            {
                best = (x, y);
            }
        }

        return best;

        static (int, int) Order(int x, int y) => x < y ? (x, y) : (y, x);
    }
}
