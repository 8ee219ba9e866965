using DiffPlex;

namespace NoticeGen.Redline;

/// <summary>A stretch of two aligned sequences: equal items, or old items replaced by new ones (either count may be zero).</summary>
internal readonly record struct AlignedRun(bool Equal, int OldStart, int OldCount, int NewStart, int NewCount);

/// <summary>
/// Aligns two sequences of keys (sections, blocks, tokens) with DiffPlex. DiffPlex diffs text, so each distinct key becomes a
/// number and the sequences become space-separated numbers: any key, however odd its characters, is one piece.
/// </summary>
internal static class SequenceAligner
{
    public static IReadOnlyList<AlignedRun> Align(IReadOnlyList<string> oldKeys, IReadOnlyList<string> newKeys)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var oldText = Encode(oldKeys, ids);
        var newText = Encode(newKeys, ids);
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, NumberChunker.Instance);

        var runs = new List<AlignedRun>();
        int a = 0, b = 0;
        foreach (var block in result.DiffBlocks)
        {
            if (block.DeleteStartA > a)
            {
                runs.Add(new AlignedRun(true, a, block.DeleteStartA - a, b, block.InsertStartB - b));
            }

            runs.Add(new AlignedRun(false, block.DeleteStartA, block.DeleteCountA, block.InsertStartB, block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }

        if (a < oldKeys.Count)
        {
            runs.Add(new AlignedRun(true, a, oldKeys.Count - a, b, newKeys.Count - b));
        }

        return runs;
    }

    private static string Encode(IReadOnlyList<string> keys, Dictionary<string, int> ids) =>
        string.Join(' ', keys.Select(key =>
        {
            if (!ids.TryGetValue(key, out var id))
            {
                id = ids.Count;
                ids.Add(key, id);
            }

            return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }));

    /// <summary>Splits the encoded sequence back into one piece per key.</summary>
    private sealed class NumberChunker : IChunker
    {
        public static readonly NumberChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
