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
        // Most alignments differ in a short middle: the equal ends are cut off first, so DiffPlex sees only the middle.
        var head = 0;
        while (head < oldKeys.Count && head < newKeys.Count && string.Equals(oldKeys[head], newKeys[head], StringComparison.Ordinal))
        {
            head++;
        }

        var tail = 0;
        while (tail < oldKeys.Count - head && tail < newKeys.Count - head
            && string.Equals(oldKeys[oldKeys.Count - 1 - tail], newKeys[newKeys.Count - 1 - tail], StringComparison.Ordinal))
        {
            tail++;
        }

        var runs = new List<AlignedRun>();
        if (head > 0)
        {
            runs.Add(new AlignedRun(true, 0, head, 0, head));
        }

        var (oldCount, newCount) = (oldKeys.Count - head - tail, newKeys.Count - head - tail);
        if (oldCount == 0 || newCount == 0)
        {
            if (oldCount + newCount > 0)
            {
                runs.Add(new AlignedRun(false, head, oldCount, head, newCount));
            }
        }
        else
        {
            AlignMiddle(Slice(oldKeys, head, oldCount), Slice(newKeys, head, newCount), head, runs);
        }

        if (tail > 0)
        {
            runs.Add(new AlignedRun(true, oldKeys.Count - tail, tail, newKeys.Count - tail, tail));
        }

        return runs;
    }

    private static List<string> Slice(IReadOnlyList<string> keys, int start, int count)
    {
        var slice = new List<string>(count);
        for (var i = start; i < start + count; i++)
        {
            slice.Add(keys[i]);
        }

        return slice;
    }

    /// <summary>Aligns the differing middle with DiffPlex; offset is where it starts in both sequences.</summary>
    private static void AlignMiddle(List<string> oldKeys, List<string> newKeys, int offset, List<AlignedRun> runs)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var oldText = Encode(oldKeys, ids);
        var newText = Encode(newKeys, ids);
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, NumberChunker.Instance);

        int a = 0, b = 0;
        foreach (var block in result.DiffBlocks)
        {
            if (block.DeleteStartA > a)
            {
                runs.Add(new AlignedRun(true, offset + a, block.DeleteStartA - a, offset + b, block.InsertStartB - b));
            }

            runs.Add(new AlignedRun(false, offset + block.DeleteStartA, block.DeleteCountA, offset + block.InsertStartB, block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }

        if (a < oldKeys.Count)
        {
            runs.Add(new AlignedRun(true, offset + a, oldKeys.Count - a, offset + b, newKeys.Count - b));
        }
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
