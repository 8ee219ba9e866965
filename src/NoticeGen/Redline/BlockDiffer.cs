namespace NoticeGen.Redline;

/// <summary>
/// Aligns the blocks of two versions of a section on their text (DiffPlex), then, where they differ, pairs the blocks that
/// were edited rather than written anew, so that an inserted paragraph does not disturb the diff of an edited one.
/// </summary>
internal static class BlockDiffer
{
    /// <summary>Pairing compares every old block of a change with every new one; past this many pairs it only pairs by position.</summary>
    private const int MaxPairings = 10_000;

    public static IReadOnlyList<BlockDiff> Compare(IReadOnlyList<SourceBlock> old, IReadOnlyList<SourceBlock> @new)
    {
        var steps = new List<(SourceBlock? Old, SourceBlock? New)>();
        foreach (var run in SequenceAligner.Align(old.Select(b => b.AlignKey).ToList(), @new.Select(b => b.AlignKey).ToList()))
        {
            var oldRun = old.Skip(run.OldStart).Take(run.OldCount).ToList();
            var newRun = @new.Skip(run.NewStart).Take(run.NewCount).ToList();
            if (run.Equal)
            {
                steps.AddRange(oldRun.Zip(newRun, (o, n) => ((SourceBlock?)o, (SourceBlock?)n)));
            }
            else
            {
                steps.AddRange(Pair(oldRun, newRun));
            }
        }

        var keys = OldToNewKeys(steps);
        return steps.Select(step => ToDiff(step.Old, step.New, keys)).ToList();
    }

    public static IReadOnlyList<BlockDiff> Added(IReadOnlyList<SourceBlock> blocks) =>
        blocks.Select(b => ToDiff(null, b, new Dictionary<int, int>())).ToList();

    public static IReadOnlyList<BlockDiff> Removed(IReadOnlyList<SourceBlock> blocks) =>
        blocks.Select(b => ToDiff(b, null, new Dictionary<int, int>())).ToList();

    /// <summary>
    /// Pairs the old and new blocks of one change in order, maximising their total similarity over pairs similar enough to
    /// word-diff. Blocks left between two pairs are paired by position (shown replaced), or else shown removed and added.
    /// </summary>
    private static List<(SourceBlock? Old, SourceBlock? New)> Pair(List<SourceBlock> old, List<SourceBlock> @new)
    {
        var pairs = old.Count * @new.Count <= MaxPairings ? SimilarPairs(old, @new) : [];
        var steps = new List<(SourceBlock? Old, SourceBlock? New)>();
        int i = 0, j = 0;
        foreach (var (pi, pj) in pairs.Append((old.Count, @new.Count)))
        {
            for (var t = 0; i + t < pi || j + t < pj; t++)
            {
                var o = i + t < pi ? old[i + t] : null;
                var n = j + t < pj ? @new[j + t] : null;
                if (o is not null && n is not null && o.Shape == n.Shape)
                {
                    steps.Add((o, n));
                    continue;
                }

                if (o is not null)
                {
                    steps.Add((o, null));
                }

                if (n is not null)
                {
                    steps.Add((null, n));
                }
            }

            if (pi < old.Count)
            {
                steps.Add((old[pi], @new[pj]));
            }

            (i, j) = (pi + 1, pj + 1);
        }

        return steps;
    }

    private static List<(int Old, int New)> SimilarPairs(List<SourceBlock> old, List<SourceBlock> @new)
    {
        int m = old.Count, n = @new.Count;
        var similarity = new double[m, n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var s = old[i].Shape == @new[j].Shape ? WordDiffer.Similarity(old[i].Tokens, @new[j].Tokens) : 0;
                similarity[i, j] = s >= WordDiffer.PairingThreshold ? s : -1;
            }
        }

        // best[i, j]: the most total similarity the blocks from old[i] and new[j] on can pair up to.
        var best = new double[m + 1, n + 1];
        for (var i = m - 1; i >= 0; i--)
        {
            for (var j = n - 1; j >= 0; j--)
            {
                var skip = Math.Max(best[i + 1, j], best[i, j + 1]);
                best[i, j] = similarity[i, j] >= 0 ? Math.Max(skip, similarity[i, j] + best[i + 1, j + 1]) : skip;
            }
        }

        var pairs = new List<(int, int)>();
        for (int i = 0, j = 0; i < m && j < n;)
        {
            if (similarity[i, j] >= 0 && best[i, j] == similarity[i, j] + best[i + 1, j + 1])
            {
                pairs.Add((i++, j++));
            }
            else if (best[i, j] == best[i + 1, j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return pairs;
    }

    /// <summary>
    /// Blocks of the new version keep their own containers; a removed block goes into the new container its old one was paired
    /// with (the same list, the same list item), so that it shows where it stood rather than in a list of its own.
    /// </summary>
    private static Dictionary<int, int> OldToNewKeys(List<(SourceBlock? Old, SourceBlock? New)> steps)
    {
        var keys = new Dictionary<int, int>();
        foreach (var (old, @new) in steps)
        {
            if (old is null || @new is null || old.Shape != @new.Shape)
            {
                continue;
            }

            for (var k = 0; k < old.Containers.Count; k++)
            {
                keys.TryAdd(old.Containers[k].Key, @new.Containers[k].Key);
            }

            keys.TryAdd(old.Key, @new.Key);
        }

        return keys;
    }

    private static BlockDiff ToDiff(SourceBlock? old, SourceBlock? @new, IReadOnlyDictionary<int, int> keys)
    {
        if (@new is null)
        {
            var block = old!;
            return new BlockDiff(block.Tag, ChangeKind.Removed, block.Tokens.Select(t => t.As(TokenChange.Deleted)).ToList(), false,
                block.Containers.Select(c => c with { Key = Translate(c.Key, keys) }).ToList(), Translate(block.Key, keys));
        }

        if (old is null)
        {
            return new BlockDiff(@new.Tag, ChangeKind.Added, @new.Tokens.Select(t => t.As(TokenChange.Inserted)).ToList(), false,
                @new.Containers, @new.Key);
        }

        var (tokens, replaced) = old.AlignKey == @new.AlignKey
            ? (@new.Tokens.Select(t => t.As(TokenChange.Same)).ToList(), false)
            : @new.Tag == "tr" ? WordDiffer.CompareRow(old.Tokens, @new.Tokens) : WordDiffer.Compare(old.Tokens, @new.Tokens);
        var kind = tokens.All(t => t.Change == TokenChange.Same) ? ChangeKind.Unchanged : ChangeKind.Changed;
        return new BlockDiff(@new.Tag, kind, tokens, replaced, @new.Containers, @new.Key);
    }

    /// <summary>New keys are never negative, so an old element with no new counterpart gets a negative key of its own.</summary>
    private static int Translate(int oldKey, IReadOnlyDictionary<int, int> keys) =>
        keys.TryGetValue(oldKey, out var key) ? key : -oldKey - 1;
}
