namespace NoticeGen.Check.Content;

/// <summary>
/// Finds paragraphs in different fragments whose word similarity (<see cref="WordComparison.Similarity"/>) is at least a
/// threshold. Comparing every pair is quadratic, so candidates are filtered first, without losing any pair:
/// <list type="bullet">
/// <item>by length: 2·LCS/(|a|+|b|) ≥ t needs the shorter to have at least t/(2−t) of the longer's words;</item>
/// <item>by shared rare words (prefix filtering): such a pair shares at least t·|a|/(2−t) words of a, counting repeats, so
/// with every paragraph's words sorted rarest first, the first |a| − ⌈t·|a|/(2−t)⌉ + 1 of a and of b have a word in common;
/// and where the first such word stands in each bounds how many more they can share (positional filtering);</item>
/// <item>by shared words: the words two paragraphs share, repeats counted, are at least their common subsequence.</item>
/// </list>
/// Only the remaining pairs are aligned word by word (<see cref="NearDuplicateSearch.Compared"/> counts them).
/// </summary>
public static class NearDuplicateFinder
{
    public const double DefaultThreshold = 0.9;

    /// <summary>Shorter paragraphs ("Contact us", an address line) are alike by accident, not copied.</summary>
    public const int MinimumWords = 12;

    /// <param name="words">Each paragraph's <see cref="ComparableWords"/>, when the caller has them already.</param>
    public static NearDuplicateSearch Find(IReadOnlyList<Paragraph> paragraphs, double threshold = DefaultThreshold, int minimumWords = MinimumWords,
        IReadOnlyList<IReadOnlyList<ComparableWord>>? words = null)
    {
        if (threshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The similarity threshold is a number in (0, 1].");
        }

        if (words is not null && words.Count != paragraphs.Count)
        {
            throw new ArgumentException($"{words.Count} lists of words were given for {paragraphs.Count} paragraphs.", nameof(words));
        }

        var split = words?.ToList() ?? paragraphs.Select(p => ComparableWords.Of(p.Text)).ToList();
        var items = Encode(split, minimumWords);
        var itemOf = new int[paragraphs.Count];
        for (var i = 0; i < items.Count; i++)
        {
            itemOf[items[i].Index] = i;
        }

        var lengthRatio = threshold / (2 - threshold);

        // Inverted index over prefix tokens; shorter paragraphs first, so each pair is seen from its longer side.
        var order = items.OrderBy(i => i.Tokens.Length).ThenBy(i => i.Index).ToList();
        var fragmentOf = FragmentNumbers(paragraphs);
        var index = new Dictionary<int, List<(Item Item, int Position)>>();
        var found = new List<NearDuplicate>();
        var compared = 0;
        var shared = new int[paragraphs.Count];
        var touched = new List<int>();
        foreach (var item in order)
        {
            var prefix = PrefixLength(item.Tokens.Length, lengthRatio);
            for (var k = 0; k < prefix; k++)
            {
                if (!index.TryGetValue(item.Tokens[k], out var postings))
                {
                    continue;
                }

                foreach (var (other, position) in postings)
                {
                    var o = other.Index;
                    if (shared[o] < 0 || other.Tokens.Length < item.Tokens.Length * lengthRatio - 1e-9 || fragmentOf[o] == fragmentOf[item.Index])
                    {
                        continue;
                    }

                    // Positional filter: the tokens after these two positions can add at most this many more shared tokens.
                    var needed = threshold * (other.Keys.Length + item.Keys.Length) / 2;
                    var bound = shared[o] + 1 + Math.Min(item.Tokens.Length - k - 1, other.Tokens.Length - position - 1);
                    if (shared[o] == 0)
                    {
                        touched.Add(o);
                    }

                    shared[o] = bound < needed - 1e-9 ? -1 : shared[o] + 1;
                }
            }

            foreach (var o in touched)
            {
                var other = items[itemOf[o]];
                var needed = threshold * (other.Keys.Length + item.Keys.Length) / 2;

                // Shared tokens (repeats counted) bound the common subsequence: most candidates stop at this merge.
                if (shared[o] > 0 && Overlap(other.Tokens, item.Tokens) >= needed - 1e-9)
                {
                    compared++;
                    var common = CommonLength(other.Keys, item.Keys);
                    var similarity = 2.0 * common / (other.Keys.Length + item.Keys.Length);
                    if (similarity >= threshold)
                    {
                        var (first, second) = other.Index < item.Index ? (other.Index, item.Index) : (item.Index, other.Index);
                        found.Add(new NearDuplicate(paragraphs[first], paragraphs[second], similarity, WordComparison.Changes(split[first], split[second])));
                    }
                }

                shared[o] = 0;
            }

            touched.Clear();
            for (var k = 0; k < prefix; k++)
            {
                if (!index.TryGetValue(item.Tokens[k], out var postings))
                {
                    index[item.Tokens[k]] = postings = [];
                }

                postings.Add((item, k));
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

    /// <summary>Each paragraph's fragment as a number, so the hot loop compares integers.</summary>
    private static int[] FragmentNumbers(IReadOnlyList<Paragraph> paragraphs)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        return paragraphs.Select(p => numbers.TryGetValue(p.FragmentId, out var n) ? n : numbers[p.FragmentId] = numbers.Count).ToArray();
    }

    /// <summary>How many tokens two sorted token lists share.</summary>
    private static int Overlap(int[] a, int[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
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
