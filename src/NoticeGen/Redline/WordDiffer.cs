namespace NoticeGen.Redline;

/// <summary>Diffs the tokens of two versions of one block, or shows the block replaced when too few words survive.</summary>
internal static class WordDiffer
{
    /// <summary>Below this share of tokens in common a word diff is confetti; the block reads better as old text, then new.</summary>
    public const double PairingThreshold = 0.5;

    /// <summary>
    /// The share of non-space tokens two versions have in common (Dice: twice the common tokens over both counts). Only the
    /// visible text counts: a new link target is a change to show, not a sign that the block was rewritten.
    /// </summary>
    public static double Similarity(IReadOnlyList<InlineToken> old, IReadOnlyList<InlineToken> @new)
    {
        var a = old.Where(t => !t.IsSpace).Select(t => t.Text).ToList();
        var b = @new.Where(t => !t.IsSpace).Select(t => t.Text).ToList();
        if (a.Count + b.Count == 0)
        {
            return 1;
        }

        var common = SequenceAligner.Align(a, b).Where(r => r.Equal).Sum(r => r.OldCount);
        return 2.0 * common / (a.Count + b.Count);
    }

    public static (IReadOnlyList<DiffToken> Tokens, bool Replaced) Compare(IReadOnlyList<InlineToken> old, IReadOnlyList<InlineToken> @new)
    {
        return Similarity(old, @new) >= PairingThreshold ? (Diff(old, @new), false) : (Replace(old, @new, separate: true), true);
    }

    /// <summary>Table rows are diffed cell by cell, so that a change never runs from one cell into the next.</summary>
    public static (IReadOnlyList<DiffToken> Tokens, bool Replaced) CompareRow(IReadOnlyList<InlineToken> old, IReadOnlyList<InlineToken> @new)
    {
        var oldCells = TokenRuns.Cells(old, t => t.Text);
        var newCells = TokenRuns.Cells(@new, t => t.Text);
        if (oldCells.Count != newCells.Count || Similarity(old, @new) < PairingThreshold)
        {
            return (Replace(old, @new, separate: false), true);
        }

        var tokens = new List<DiffToken>();
        for (var i = 0; i < oldCells.Count; i++)
        {
            if (i > 0)
            {
                tokens.Add(new DiffToken(DiffToken.CellBreak, TokenChange.Same));
            }

            tokens.AddRange(Diff(oldCells[i], newCells[i]));
        }

        return (tokens, false);
    }

    /// <summary>The word diff proper: common tokens Same, and each change as its deleted tokens followed by its inserted ones.</summary>
    public static IReadOnlyList<DiffToken> Diff(IReadOnlyList<InlineToken> old, IReadOnlyList<InlineToken> @new)
    {
        var ops = new List<(InlineToken? Old, InlineToken? New)>();
        foreach (var run in SequenceAligner.Align(old.Select(t => t.Key).ToList(), @new.Select(t => t.Key).ToList()))
        {
            if (run.Equal)
            {
                for (var k = 0; k < run.OldCount; k++)
                {
                    ops.Add((old[run.OldStart + k], @new[run.NewStart + k]));
                }
            }
            else
            {
                ops.AddRange(old.Skip(run.OldStart).Take(run.OldCount).Select(t => ((InlineToken?)t, (InlineToken?)null)));
                ops.AddRange(@new.Skip(run.NewStart).Take(run.NewCount).Select(t => ((InlineToken?)null, (InlineToken?)t)));
            }
        }

        return Group(ops);
    }

    /// <summary>All of the old text deleted, then all of the new inserted; a space between them, except in table rows.</summary>
    public static IReadOnlyList<DiffToken> Replace(IReadOnlyList<InlineToken> old, IReadOnlyList<InlineToken> @new, bool separate)
    {
        var tokens = old.Select(t => t.As(TokenChange.Deleted)).ToList();
        if (separate && old.Count > 0 && @new.Count > 0)
        {
            tokens.Add(InlineToken.Space.As(TokenChange.Same));
        }

        tokens.AddRange(@new.Select(t => t.As(TokenChange.Inserted)));
        return tokens;
    }

    /// <summary>
    /// Changes separated by nothing but a space read as one change ("[-the cat-]{+a dog+}", not "[-the-]{+a+} [-cat-]{+dog+}"):
    /// such a space joins both sides of the change around it.
    /// </summary>
    private static List<DiffToken> Group(List<(InlineToken? Old, InlineToken? New)> ops)
    {
        var result = new List<DiffToken>();
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i] is ({ } _, { } same))
            {
                result.Add(same.As(TokenChange.Same));
                i++;
                continue;
            }

            var deleted = new List<DiffToken>();
            var inserted = new List<DiffToken>();
            while (i < ops.Count)
            {
                var (oldToken, newToken) = ops[i];
                if (oldToken is null || newToken is null)
                {
                    if (oldToken is not null)
                    {
                        deleted.Add(oldToken.As(TokenChange.Deleted));
                    }

                    if (newToken is not null)
                    {
                        inserted.Add(newToken.As(TokenChange.Inserted));
                    }

                    i++;
                    continue;
                }

                var end = i;
                while (end < ops.Count && ops[end] is ({ IsSpace: true }, { IsSpace: true }))
                {
                    end++;
                }

                if (end == i || end == ops.Count || ops[end] is ({ }, { }))
                {
                    break;
                }

                for (; i < end; i++)
                {
                    deleted.Add(ops[i].Old!.As(TokenChange.Deleted));
                    inserted.Add(ops[i].New!.As(TokenChange.Inserted));
                }
            }

            result.AddRange(deleted);
            result.AddRange(inserted);
        }

        return result;
    }
}
