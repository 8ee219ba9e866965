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
        var a = old.Where(Counts).Select(t => t.Text).ToList();
        var b = @new.Where(Counts).Select(t => t.Text).ToList();
        if (a.Count + b.Count == 0)
        {
            return 1;
        }

        var common = SequenceAligner.Align(a, b).Where(r => r.Equal).Sum(r => r.OldCount);
        return 2.0 * common / (a.Count + b.Count);
    }

    /// <summary>Whether a token counts for similarity: visible text, not a space or line break or an empty anchor.</summary>
    private static bool Counts(InlineToken token) => !token.IsSpace && token.Text.Length > 0 && token.Text != DiffToken.LineBreak;

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
    public static IReadOnlyList<DiffToken> Diff(IReadOnlyList<InlineToken> old, IReadOnlyList<InlineToken> @new) => Group(Ops(old, @new));

    /// <summary>
    /// Aligns two token lists on their text, each token of a Same pair keeping its own markup: a word whose link or emphasis
    /// changed is the same word, with a markup change, rather than a deletion and an insertion. A link whose words changed as
    /// well is shown as the old link deleted and the new one inserted: only a link with the same words is a link change.
    /// </summary>
    public static List<(InlineToken? Old, InlineToken? New)> Ops(IReadOnlyList<InlineToken> old, IReadOnlyList<InlineToken> @new)
    {
        var pairs = new List<(int Old, int New)>(Math.Max(old.Count, @new.Count));
        foreach (var run in SequenceAligner.Align(old.Select(t => t.TextKey).ToList(), @new.Select(t => t.TextKey).ToList()))
        {
            if (run.Equal)
            {
                for (var k = 0; k < run.OldCount; k++)
                {
                    pairs.Add((run.OldStart + k, run.NewStart + k));
                }
            }
            else
            {
                for (var k = 0; k < run.OldCount; k++)
                {
                    pairs.Add((run.OldStart + k, -1));
                }

                for (var k = 0; k < run.NewCount; k++)
                {
                    pairs.Add((-1, run.NewStart + k));
                }
            }
        }

        var split = ChangedLinks(old, @new, pairs);
        var ops = new List<(InlineToken? Old, InlineToken? New)>(pairs.Count);
        foreach (var (o, n) in pairs)
        {
            if (o >= 0 && n >= 0 && split(o, n))
            {
                ops.Add((old[o], null));
                ops.Add((null, @new[n]));
            }
            else
            {
                ops.Add((o >= 0 ? old[o] : null, n >= 0 ? @new[n] : null));
            }
        }

        return ops;
    }

    /// <summary>
    /// Tells which Same pairs belong to a link whose words did not all stay: a link (a run of tokens with one target, spaces at its
    /// ends left out) whose target changed is a link change only when each of its tokens is kept, opposite one run of kept tokens
    /// that all have one target (or none), and that run, if a link, is kept whole as well. Otherwise both runs are split.
    /// </summary>
    private static Func<int, int, bool> ChangedLinks(IReadOnlyList<InlineToken> old, IReadOnlyList<InlineToken> @new, List<(int Old, int New)> pairs)
    {
        var oldRuns = LinkRuns(old);
        var newRuns = LinkRuns(@new);
        var oldPartner = new int[old.Count];
        var newPartner = new int[@new.Count];
        Array.Fill(oldPartner, -1);
        Array.Fill(newPartner, -1);
        var retargeted = false;
        foreach (var (o, n) in pairs.Where(p => p.Old >= 0 && p.New >= 0))
        {
            (oldPartner[o], newPartner[n]) = (n, o);
            retargeted |= old[o].Markup.Href != @new[n].Markup.Href && !old[o].IsSpace;
        }

        if (!retargeted)
        {
            return (_, _) => false;
        }

        var dirtyOld = new HashSet<int>();
        var dirtyNew = new HashSet<int>();
        var wholeOld = new Dictionary<int, bool>();
        var wholeNew = new Dictionary<int, bool>();
        foreach (var (o, n) in pairs.Where(p => p.Old >= 0 && p.New >= 0 && old[p.Old].Markup.Href != @new[p.New].Markup.Href && !old[p.Old].IsSpace))
        {
            if (oldRuns[o] >= 0 && !Cached(wholeOld, oldRuns[o], () => Whole(oldRuns, o, oldPartner, newRuns, @new)))
            {
                dirtyOld.Add(oldRuns[o]);
                if (newRuns[n] >= 0)
                {
                    dirtyNew.Add(newRuns[n]);
                }
            }

            if (newRuns[n] >= 0 && !Cached(wholeNew, newRuns[n], () => Whole(newRuns, n, newPartner, oldRuns, old)))
            {
                dirtyNew.Add(newRuns[n]);
                if (oldRuns[o] >= 0)
                {
                    dirtyOld.Add(oldRuns[o]);
                }
            }
        }

        return (o, n) => (oldRuns[o] >= 0 && dirtyOld.Contains(oldRuns[o])) || (newRuns[n] >= 0 && dirtyNew.Contains(newRuns[n]));
    }

    private static bool Cached(Dictionary<int, bool> cache, int run, Func<bool> compute)
    {
        if (!cache.TryGetValue(run, out var value))
        {
            cache[run] = value = compute();
        }

        return value;
    }

    /// <summary>Whether the link run holding token i is kept whole, opposite one run of tokens with a single target (or none).</summary>
    private static bool Whole(int[] runs, int i, int[] partner, int[] otherRuns, IReadOnlyList<InlineToken> other)
    {
        var run = runs[i];
        int first = i, last = i;
        while (first > 0 && runs[first - 1] == run)
        {
            first--;
        }

        while (last < runs.Length - 1 && runs[last + 1] == run)
        {
            last++;
        }

        for (var k = first; k <= last; k++)
        {
            if (partner[k] < 0 || (k > first && partner[k] != partner[k - 1] + 1) || other[partner[k]].Markup.Href != other[partner[first]].Markup.Href)
            {
                return false;
            }
        }

        // Opposite a link, that link must be these words and no more.
        var opposite = otherRuns[partner[first]];
        var (start, end) = (partner[first], partner[last]);
        return opposite < 0 || (otherRuns[end] == opposite && (start == 0 || otherRuns[start - 1] != opposite)
            && (end == otherRuns.Length - 1 || otherRuns[end + 1] != opposite));
    }

    /// <summary>Numbers each run of tokens with one link target (-1 outside links); spaces at a run's ends are outside it.</summary>
    private static int[] LinkRuns(IReadOnlyList<InlineToken> tokens)
    {
        var runs = new int[tokens.Count];
        Array.Fill(runs, -1);
        var next = 0;
        for (var i = 0; i < tokens.Count;)
        {
            var href = tokens[i].Markup.Href;
            if (href is null || tokens[i].IsSpace)
            {
                i++;
                continue;
            }

            var end = i + 1;
            var last = i;
            while (end < tokens.Count && tokens[end].Markup.Href == href)
            {
                last = tokens[end].IsSpace ? last : end;
                end++;
            }

            for (var k = i; k <= last; k++)
            {
                runs[k] = next;
            }

            next++;
            i = last + 1;
        }

        return runs;
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
    /// such a space joins both sides of the change around it. A token without text (an anchor) that only one side has is no
    /// word to strike or underline: it is kept, as a formatting change.
    /// </summary>
    public static List<DiffToken> Group(List<(InlineToken? Old, InlineToken? New)> ops)
    {
        var result = new List<DiffToken>(ops.Count);
        var i = 0;
        while (i < ops.Count)
        {
            if (Kept(ops[i]) is { } kept)
            {
                result.Add(kept);
                i++;
                continue;
            }

            var deleted = new List<DiffToken>();
            var inserted = new List<DiffToken>();
            while (i < ops.Count)
            {
                var (oldToken, newToken) = ops[i];
                if (Kept(ops[i]) is null)
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

                if (end == i || end == ops.Count || Kept(ops[end]) is not null)
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

    /// <summary>The Same token an op stands for, or null when it is part of a deletion or insertion.</summary>
    private static DiffToken? Kept((InlineToken? Old, InlineToken? New) op) => op switch
    {
        ({ } old, { } @new) => DiffToken.Of(@new.Text, TokenChange.Same, @new.Markup,
            old.Text == @new.Text && (old.IsSpace || old.Markup.Equals(@new.Markup)) ? null : old.Markup),
        ({ Text.Length: 0 } old, null) => DiffToken.Of(string.Empty, TokenChange.Same, InlineMarkup.None, old.Markup),
        (null, { Text.Length: 0 } @new) => DiffToken.Of(string.Empty, TokenChange.Same, @new.Markup, InlineMarkup.None),
        _ => null,
    };
}
