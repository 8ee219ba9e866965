namespace NoticeGen.Check.Content;

/// <summary>
/// Finds paragraphs in different fragments whose word similarity (<see cref="WordComparison.Similarity"/>) is at least a
/// threshold. Comparing every pair is quadratic, so candidates are filtered first, without losing any pair:
/// <list type="bullet">
/// <item>by length: 2·LCS/(|a|+|b|) ≥ t needs the shorter to have at least t/(2−t) of the longer's words;</item>
/// <item>by shared rare words (prefix filtering): such a pair shares at least t·|a|/(2−t) words of a, counting repeats, so
/// with every paragraph's words sorted rarest first, the first |a| − ⌈t·|a|/(2−t)⌉ + 1 of a and of b have a word in common.</item>
/// </list>
/// Only the remaining pairs are aligned word by word.
/// </summary>
public static class NearDuplicateFinder
{
    public const double DefaultThreshold = 0.9;

    /// <summary>Shorter paragraphs ("Contact us", an address line) are alike by accident, not copied.</summary>
    public const int MinimumWords = 12;

    public static NearDuplicateSearch Find(IReadOnlyList<Paragraph> paragraphs, double threshold = DefaultThreshold, int minimumWords = MinimumWords)
    {
        if (threshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The similarity threshold is a number in (0, 1].");
        }

        var words = paragraphs.Select(p => ComparableWords.Of(p.Text)).ToList();
        var items = Encode(words, minimumWords);
        var lengthRatio = threshold / (2 - threshold);

        // Inverted index over prefix tokens; shorter paragraphs first, so each pair is seen from its shorter side.
        var order = items.OrderBy(i => i.Tokens.Length).ThenBy(i => i.Index).ToList();
        var index = new Dictionary<int, List<Item>>();
        var found = new List<NearDuplicate>();
        var compared = 0;
        var seen = new HashSet<int>();
        foreach (var item in order)
        {
            seen.Clear();
            var prefix = PrefixLength(item.Tokens.Length, lengthRatio);
            for (var k = 0; k < prefix; k++)
            {
                if (!index.TryGetValue(item.Tokens[k], out var postings))
                {
                    continue;
                }

                foreach (var other in postings)
                {
                    // Shorter ones were indexed first: other is no longer than item.
                    if (other.Tokens.Length < item.Tokens.Length * lengthRatio || !seen.Add(other.Index)
                        || paragraphs[other.Index].FragmentId == paragraphs[item.Index].FragmentId)
                    {
                        continue;
                    }

                    compared++;
                    var common = CommonLength(other.Keys, item.Keys);
                    var similarity = 2.0 * common / (other.Keys.Length + item.Keys.Length);
                    if (similarity >= threshold)
                    {
                        var (first, second) = other.Index < item.Index ? (other.Index, item.Index) : (item.Index, other.Index);
                        found.Add(new NearDuplicate(paragraphs[first], paragraphs[second], similarity, WordComparison.Changes(words[first], words[second])));
                    }
                }
            }

            for (var k = 0; k < prefix; k++)
            {
                if (!index.TryGetValue(item.Tokens[k], out var postings))
                {
                    index[item.Tokens[k]] = postings = [];
                }

                postings.Add(item);
            }
        }

        var pairs = found.OrderBy(p => p.First.File, StringComparer.Ordinal).ThenBy(p => p.First.Line)
            .ThenBy(p => p.Second.File, StringComparer.Ordinal).ThenBy(p => p.Second.Line).ToList();
        return new NearDuplicateSearch(pairs, compared, paragraphs.Count);
    }

    /// <summary>How many of a paragraph's rarest tokens must be indexed so that no partner at the threshold is missed.</summary>
    private static int PrefixLength(int length, double lengthRatio)
    {
        var overlap = (int)Math.Ceiling(length * lengthRatio - 1e-9);
        return Math.Clamp(length - overlap + 1, 1, length);
    }

    /// <summary>A paragraph's words as numbers: <see cref="Keys"/> in reading order, <see cref="Tokens"/> rarest first.</summary>
    private sealed record Item(int Index, int[] Keys, int[] Tokens);

    /// <summary>
    /// The n-th repeat of a word is its own token ("the#1", "the#2"), so shared tokens count repeats the way a common
    /// subsequence does; tokens are numbered by how many paragraphs hold them, rarest first.
    /// </summary>
    private static List<Item> Encode(List<IReadOnlyList<ComparableWord>> words, int minimumWords)
    {
        var keyIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokenIds = new Dictionary<(int Key, int Repeat), int>();
        var raw = new List<(int Index, int[] Keys, int[] Tokens)>();
        var frequency = new List<int>();
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Count < minimumWords)
            {
                continue;
            }

            var keys = words[i].Select(w => keyIds.TryGetValue(w.Key, out var id) ? id : keyIds[w.Key] = keyIds.Count).ToArray();
            var repeats = new Dictionary<int, int>();
            var tokens = new int[keys.Length];
            for (var k = 0; k < keys.Length; k++)
            {
                var repeat = repeats[keys[k]] = repeats.GetValueOrDefault(keys[k]) + 1;
                if (!tokenIds.TryGetValue((keys[k], repeat), out var token))
                {
                    token = tokenIds[(keys[k], repeat)] = tokenIds.Count;
                    frequency.Add(0);
                }

                tokens[k] = token;
                frequency[token]++;
            }

            raw.Add((i, keys, tokens));
        }

        // Rarest first; ties by first appearance, which is deterministic for a given input.
        var rank = Enumerable.Range(0, frequency.Count).OrderBy(t => frequency[t]).ThenBy(t => t).ToArray();
        var rankOf = new int[rank.Length];
        for (var r = 0; r < rank.Length; r++)
        {
            rankOf[rank[r]] = r;
        }

        return raw.Select(r => new Item(r.Index, r.Keys, r.Tokens.Select(t => rankOf[t]).Order().ToArray())).ToList();
    }

    /// <summary>Longest common subsequence by dynamic programming over two rows: paragraphs are short.</summary>
    private static int CommonLength(int[] a, int[] b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        foreach (var x in a)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = x == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
