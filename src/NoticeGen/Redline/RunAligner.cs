namespace NoticeGen.Redline;

/// <summary>What a step of an aligned run shows: one block edited in place, blocks regrouped, or a block removed or added.</summary>
internal enum StepKind
{
    /// <summary>One old block and one new block that share most of their words: a word diff.</summary>
    Pair,

    /// <summary>One old and one new block of the same shape left between the others: a word diff, or replaced if few words survive.</summary>
    Positional,

    /// <summary>Several old blocks whose words went into several new ones (split, merged, regrouped): one word diff across them.</summary>
    Regroup,

    Removed,
    Added,
}

/// <summary>A step of an aligned run: the old blocks [OldStart, OldStart + OldCount) and the new blocks it covers.</summary>
internal readonly record struct RunStep(StepKind Kind, int OldStart, int OldCount, int NewStart, int NewCount)
{
    public int OldEnd => OldStart + OldCount;

    public int NewEnd => NewStart + NewCount;
}

/// <summary>
/// Aligns the blocks of a stretch where old and new blocks differ (a run), on their words rather than block by block: the words
/// of all the run's old blocks are aligned with those of its new blocks, and blocks that share enough words become one step. So
/// a paragraph split in two, two merged, a list regrouped under new headings or paragraphs turned into a list keep their
/// surviving words unmarked, and only blocks that share no real part of their text are shown removed and added.
/// </summary>
internal static class RunAligner
{
    /// <summary>
    /// Past this many tokens on a side, a run is cut into pieces aligned one by one, so that a rewrite costs time in proportion to
    /// its length (the word alignment is quadratic in the worst case) at the price of missing words that moved between pieces.
    /// </summary>
    public const int MaxFlowTokens = 1500;

    /// <summary>Two blocks belong to one step when the words they share are at least this share of the smaller block's words.</summary>
    private const double LinkShare = 0.5;

    /// <summary>
    /// The steps of a run, in order; each covers contiguous old and new blocks, and no step crosses a barrier: an old barrier k
    /// (a moved block's old place between old blocks k-1 and k) or a new barrier k (a moved block's new place).
    /// </summary>
    public static List<RunStep> Align(IReadOnlyList<SourceBlock> old, IReadOnlyList<SourceBlock> @new, ISet<int> oldBarriers, ISet<int> newBarriers)
    {
        var steps = new List<RunStep>();
        foreach (var (o, n) in Pieces(old, @new))
        {
            AlignPiece(old, @new, o, n, oldBarriers, newBarriers, steps);
        }

        return steps;
    }

    /// <summary>
    /// The word diff of a regroup step, as the ops of each new block: the old words are aligned across all the step's blocks,
    /// and a deleted word goes into the new block where it stood in the text. A new block boundary never parts old text that
    /// had no space there ("of;" becoming a heading "of" and a paragraph starting ";"): the old tokens after it, up to the next
    /// old space, stay deleted at the end of the block before and come again inserted in the block after, so that rejecting
    /// the change gives the old text exactly.
    /// </summary>
    public static List<List<(InlineToken? Old, InlineToken? New)>> Flow(IReadOnlyList<SourceBlock> old, IReadOnlyList<SourceBlock> @new)
    {
        var (oldTokens, oldBlock) = Concatenate(old);
        var (newTokens, newBlock) = Concatenate(@new);
        var perBlock = @new.Select(_ => new List<(InlineToken?, InlineToken?)>()).ToList();
        var current = 0;
        int oi = 0, ni = 0;
        var lastOldBlock = 0;
        var lastOldGlued = false;
        var crossed = false;
        foreach (var (o, n) in WordDiffer.Ops(oldTokens, newTokens))
        {
            var oldBoundary = o is not null && oldBlock[oi] < 0;
            var newBoundary = n is not null && newBlock[ni] < 0;
            oi += o is null ? 0 : 1;
            if (n is not null)
            {
                current = Math.Abs(newBlock[ni++]);
            }

            if (newBoundary)
            {
                // The space between two new blocks is their boundary: an old space there, or an old boundary, is no change.
                crossed |= o is null;
                lastOldGlued &= o is null;
                continue;
            }

            if (o is not null && !oldBoundary && !o.IsSpace && crossed && lastOldGlued)
            {
                perBlock[lastOldBlock].Add((o, null));
                if (n is not null)
                {
                    perBlock[current].Add((null, n));
                }

                continue;
            }

            // An old boundary is a space in the old text: kept when it meets a new space or line break (the regrouping says the
            // rest), else a deleted space, so that the old text still reads with its words apart.
            perBlock[current].Add(oldBoundary ? (n ?? InlineToken.Space, n) : (o, n));
            if (o is not null)
            {
                (lastOldBlock, lastOldGlued, crossed) = (current, !oldBoundary && !o.IsSpace, false);
            }
        }

        return perBlock;
    }

    /// <summary>
    /// The blocks' tokens one after the other, a space between blocks, with the block each token came from; a separator is
    /// marked by the negative of the index of the block after it.
    /// </summary>
    private static (List<InlineToken> Tokens, List<int> Block) Concatenate(IReadOnlyList<SourceBlock> blocks)
    {
        var tokens = new List<InlineToken>();
        var owner = new List<int>();
        for (var b = 0; b < blocks.Count; b++)
        {
            if (b > 0)
            {
                tokens.Add(InlineToken.Space);
                owner.Add(-b);
            }

            tokens.AddRange(blocks[b].Tokens);
            owner.AddRange(Enumerable.Repeat(b, blocks[b].Tokens.Count));
        }

        return (tokens, owner);
    }

    /// <summary>Cuts a long run into pieces of at most MaxFlowTokens tokens a side, at the same share of each side.</summary>
    private static IEnumerable<(Range Old, Range New)> Pieces(IReadOnlyList<SourceBlock> old, IReadOnlyList<SourceBlock> @new)
    {
        var oldTotal = old.Sum(b => b.Tokens.Count + 1);
        var newTotal = @new.Sum(b => b.Tokens.Count + 1);
        var count = Math.Max(1, (int)Math.Ceiling(Math.Max(oldTotal, newTotal) / (double)MaxFlowTokens));
        if (count == 1)
        {
            yield return (0..old.Count, 0..@new.Count);
            yield break;
        }

        var oldCuts = Cuts(old, oldTotal, count);
        var newCuts = Cuts(@new, newTotal, count);
        for (var p = 0; p < count; p++)
        {
            yield return (oldCuts[p]..oldCuts[p + 1], newCuts[p]..newCuts[p + 1]);
        }
    }

    /// <summary>Block indices that cut the blocks into count pieces of about the same number of tokens.</summary>
    private static int[] Cuts(IReadOnlyList<SourceBlock> blocks, int total, int count)
    {
        var cuts = new int[count + 1];
        cuts[count] = blocks.Count;
        var seen = 0;
        var piece = 1;
        for (var b = 0; b < blocks.Count && piece < count; b++)
        {
            seen += blocks[b].Tokens.Count + 1;
            while (piece < count && seen >= (long)total * piece / count)
            {
                cuts[piece++] = b + 1;
            }
        }

        for (; piece < count; piece++)
        {
            cuts[piece] = blocks.Count;
        }

        return cuts;
    }

    private static void AlignPiece(
        IReadOnlyList<SourceBlock> allOld, IReadOnlyList<SourceBlock> allNew, Range oldRange, Range newRange,
        ISet<int> oldBarriers, ISet<int> newBarriers, List<RunStep> steps)
    {
        var (o0, m) = oldRange.GetOffsetAndLength(allOld.Count);
        var (n0, n) = newRange.GetOffsetAndLength(allNew.Count);
        var old = allOld.Skip(o0).Take(m).ToList();
        var @new = allNew.Skip(n0).Take(n).ToList();
        var links = m == 0 || n == 0 ? [] : Links(old, @new);

        // A step may not span a barrier: a new block linked to old blocks on both sides of one keeps its stronger side.
        CutAcross(links, oldBarriers.Select(k => k - o0).Where(k => k > 0 && k < m), byOld: true);
        CutAcross(links, newBarriers.Select(k => k - n0).Where(k => k > 0 && k < n), byOld: false);

        var components = Components(links, m, n);
        int i = 0, j = 0;
        foreach (var (oldStart, oldEnd, newStart, newEnd) in components.Append((m, m, n, n)))
        {
            Gap(old, @new, i, oldStart, j, newStart, o0, n0, steps);
            if (oldStart < m)
            {
                var kind = oldEnd - oldStart == 1 && newEnd - newStart == 1 ? StepKind.Pair : StepKind.Regroup;
                steps.Add(new RunStep(kind, o0 + oldStart, oldEnd - oldStart, n0 + newStart, newEnd - newStart));
            }

            (i, j) = (oldEnd, newEnd);
        }
    }

    /// <summary>
    /// The number of words each old block shares with each new block in a word alignment of the whole piece, keeping only links
    /// strong enough to show the blocks as one: a few shared words ("the", "and") do not make a rewritten paragraph an edit.
    /// </summary>
    private static Dictionary<(int Old, int New), int> Links(List<SourceBlock> old, List<SourceBlock> @new)
    {
        var (oldTokens, oldBlock) = Concatenate(old);
        var (newTokens, newBlock) = Concatenate(@new);
        var shared = new Dictionary<(int, int), int>();
        var oi = 0;
        var ni = 0;
        foreach (var (o, n) in WordDiffer.Ops(oldTokens, newTokens))
        {
            if (o is not null && n is not null && o.IsWord && oldBlock[oi] >= 0 && newBlock[ni] >= 0)
            {
                var key = (oldBlock[oi], newBlock[ni]);
                shared[key] = shared.GetValueOrDefault(key) + 1;
            }

            oi += o is null ? 0 : 1;
            ni += n is null ? 0 : 1;
        }

        return shared
            .Where(l => l.Value >= LinkShare * Math.Min(old[l.Key.Item1].Words, @new[l.Key.Item2].Words))
            .ToDictionary(l => l.Key, l => l.Value);
    }

    /// <summary>
    /// Removes links across each barrier: every block on the other side linked to blocks on both sides of it keeps the side it
    /// shares more words with. The alignment is monotone, so after this no chain of links crosses the barrier.
    /// </summary>
    private static void CutAcross(Dictionary<(int Old, int New), int> links, IEnumerable<int> barriers, bool byOld)
    {
        foreach (var barrier in barriers)
        {
            var across = links.Keys.GroupBy(l => byOld ? l.New : l.Old)
                .Where(g => g.Any(l => (byOld ? l.Old : l.New) < barrier) && g.Any(l => (byOld ? l.Old : l.New) >= barrier))
                .ToList();
            foreach (var group in across)
            {
                var before = group.Where(l => (byOld ? l.Old : l.New) < barrier).Sum(l => links[l]);
                var after = group.Where(l => (byOld ? l.Old : l.New) >= barrier).Sum(l => links[l]);
                foreach (var link in group.Where(l => ((byOld ? l.Old : l.New) < barrier) == (after >= before)).ToList())
                {
                    links.Remove(link);
                }
            }
        }
    }

    /// <summary>The linked blocks as steps: each a range of old and a range of new blocks, in order.</summary>
    private static List<(int OldStart, int OldEnd, int NewStart, int NewEnd)> Components(Dictionary<(int Old, int New), int> links, int m, int n)
    {
        var result = new List<(int, int, int, int)>();
        foreach (var (o, nw) in links.Keys.OrderBy(l => l.Old).ThenBy(l => l.New))
        {
            if (result.Count > 0 && (o < result[^1].Item2 || nw < result[^1].Item4))
            {
                var (os, oe, ns, ne) = result[^1];
                result[^1] = (os, Math.Max(oe, o + 1), ns, Math.Max(ne, nw + 1));
            }
            else
            {
                result.Add((o, o + 1, nw, nw + 1));
            }
        }

        return result;
    }

    /// <summary>
    /// The blocks between two linked steps share no real part of their text: those of the same shape pair up in order (shown
    /// edited or replaced in place, as readers expect of a rewritten paragraph), the rest are removed and added.
    /// </summary>
    private static void Gap(List<SourceBlock> old, List<SourceBlock> @new, int i, int oldEnd, int j, int newEnd, int o0, int n0, List<RunStep> steps)
    {
        for (var t = 0; i + t < oldEnd || j + t < newEnd; t++)
        {
            var hasOld = i + t < oldEnd;
            var hasNew = j + t < newEnd;
            if (hasOld && hasNew && old[i + t].Shape == @new[j + t].Shape)
            {
                steps.Add(new RunStep(StepKind.Positional, o0 + i + t, 1, n0 + j + t, 1));
                continue;
            }

            if (hasOld)
            {
                steps.Add(new RunStep(StepKind.Removed, o0 + i + t, 1, n0 + Math.Min(j + t, newEnd), 0));
            }

            if (hasNew)
            {
                steps.Add(new RunStep(StepKind.Added, o0 + Math.Min(i + t + 1, oldEnd), 0, n0 + j + t, 1));
            }
        }
    }
}
