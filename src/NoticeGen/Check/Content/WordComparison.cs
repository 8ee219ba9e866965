using DiffPlex;

namespace NoticeGen.Check.Content;

/// <summary>
/// Word similarity and word differences: similarity is 2·LCS(a, b) / (|a| + |b|) over the words' keys, where LCS is the
/// length of the longest common subsequence: 1 for the same words in the same order, 0 for nothing in common.
/// </summary>
public static class WordComparison
{
    public static double Similarity(IReadOnlyList<ComparableWord> a, IReadOnlyList<ComparableWord> b)
    {
        if (a.Count + b.Count == 0)
        {
            return 1;
        }

        return 2.0 * CommonLength(a, b) / (a.Count + b.Count);
    }

    /// <summary>The length of the longest common subsequence of two word lists (Myers' diff, so large similar texts stay fast).</summary>
    public static int CommonLength(IReadOnlyList<ComparableWord> a, IReadOnlyList<ComparableWord> b) =>
        Runs(a, b).Where(r => r.Equal).Sum(r => r.ACount);

    /// <summary>The differences from <paramref name="a"/> to <paramref name="b"/>, each change as one removed/added pair.</summary>
    public static IReadOnlyList<WordChange> Changes(IReadOnlyList<ComparableWord> a, IReadOnlyList<ComparableWord> b) =>
        Runs(a, b).Where(r => !r.Equal)
            .Select(r => new WordChange(
                string.Join(' ', a.Skip(r.AStart).Take(r.ACount).Select(w => w.Text)),
                string.Join(' ', b.Skip(r.BStart).Take(r.BCount).Select(w => w.Text))))
            .ToList();

    /// <summary>A stretch of the two lists: equal words, or words of a replaced by words of b (either count may be zero).</summary>
    public readonly record struct Run(bool Equal, int AStart, int ACount, int BStart, int BCount);

    /// <summary>Aligns two word lists by key. DiffPlex diffs text, so each distinct key becomes a number: any word is one piece.</summary>
    public static IReadOnlyList<Run> Runs(IReadOnlyList<ComparableWord> a, IReadOnlyList<ComparableWord> b)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = Differ.Instance.CreateDiffs(Encode(a, ids), Encode(b, ids), ignoreWhiteSpace: false, ignoreCase: false, SpaceChunker.Instance);
        var runs = new List<Run>();
        int i = 0, j = 0;
        foreach (var block in result.DiffBlocks)
        {
            if (block.DeleteStartA > i)
            {
                runs.Add(new Run(true, i, block.DeleteStartA - i, j, block.InsertStartB - j));
            }

            runs.Add(new Run(false, block.DeleteStartA, block.DeleteCountA, block.InsertStartB, block.InsertCountB));
            i = block.DeleteStartA + block.DeleteCountA;
            j = block.InsertStartB + block.InsertCountB;
        }

        if (i < a.Count)
        {
            runs.Add(new Run(true, i, a.Count - i, j, b.Count - j));
        }

        return runs;
    }

    private static string Encode(IReadOnlyList<ComparableWord> words, Dictionary<string, int> ids) =>
        string.Join(' ', words.Select(w =>
        {
            if (!ids.TryGetValue(w.Key, out var id))
            {
                id = ids.Count;
                ids.Add(w.Key, id);
            }

            return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }));

    private sealed class SpaceChunker : IChunker
    {
        public static readonly SpaceChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
