namespace NoticeGen.Redline;

/// <summary>
/// Turns the block alignment of one section into its block diffs: equal blocks unchanged, each run of differing blocks aligned
/// on its words (RunAligner), blocks that moved shown at their new place, with a block of kind Moved where they stood.
/// </summary>
internal static class BlockDiffer
{
    /// <summary>
    /// The block diffs of a section from its block alignment (runs), with the steps of each unequal run as aligned before moves
    /// were known (RunAligner with no barriers): a run that lost or gained a moved block is aligned again without it.
    /// </summary>
    public static IReadOnlyList<BlockDiff> Compare(
        IReadOnlyList<SourceBlock> old, IReadOnlyList<SourceBlock> @new, IReadOnlyList<SectionRun> runs, SectionMoves moves, GroupNumbers groups)
    {
        var entries = new List<Entry>();
        foreach (var run in runs)
        {
            var oldRun = old.Skip(run.Aligned.OldStart).Take(run.Aligned.OldCount).ToList();
            var newRun = @new.Skip(run.Aligned.NewStart).Take(run.Aligned.NewCount).ToList();
            if (run.Aligned.Equal)
            {
                entries.AddRange(oldRun.Zip(newRun, (o, n) => Entry.Same(o, n)));
            }
            else if (!oldRun.Any(moves.Away.ContainsKey) && !newRun.Any(moves.Here.ContainsKey))
            {
                foreach (var step in run.Steps)
                {
                    AddStep(step, oldRun, newRun, groups, entries);
                }
            }
            else
            {
                AddRun(oldRun, newRun, moves, groups, entries);
            }
        }

        var keys = OldToNewContainers(entries);
        return OneNotePerRun(entries.Select(e => e.ToDiff(keys)).ToList(), groups);
    }

    /// <summary>
    /// Blocks in a row whose form changed the same way (seven paragraphs of an address that became a list) are one change: they
    /// become a group, and the first says it for all ("was a paragraph (these 7 list items)").
    /// </summary>
    private static List<BlockDiff> OneNotePerRun(List<BlockDiff> blocks, GroupNumbers groups)
    {
        for (var i = 0; i < blocks.Count;)
        {
            var end = i + 1;
            if (blocks[i] is { FormatNote: { } note, Group: 0, Move: null, Kind: ChangeKind.Changed } first)
            {
                while (end < blocks.Count && blocks[end] is { Group: 0, Move: null, Kind: ChangeKind.Changed } next && next.FormatNote == note && next.Tag == first.Tag)
                {
                    end++;
                }

                if (end - i > 1)
                {
                    var group = groups.Next();
                    blocks[i] = first with { FormatNote = $"{note} (these {end - i} {FormNote.Plural(FormNote.Name(first.Tag))})", Group = group };
                    for (var k = i + 1; k < end; k++)
                    {
                        blocks[k] = blocks[k] with { FormatNote = null, Group = group };
                    }
                }
            }

            i = end;
        }

        return blocks;
    }

    /// <summary>
    /// One run of differing blocks. The blocks that moved come out first; the rest are aligned on their words, and each moved
    /// block goes back in right after the step that holds the block before it, on its own side: so the new blocks stay in new
    /// order and the old blocks, with each moved block's old place, in old order.
    /// </summary>
    private static void AddRun(List<SourceBlock> oldRun, List<SourceBlock> newRun, SectionMoves moves, GroupNumbers groups, List<Entry> entries)
    {
        var oldStay = new List<SourceBlock>();
        var newStay = new List<SourceBlock>();
        var away = new SortedDictionary<int, List<Entry>>();
        var here = new SortedDictionary<int, List<Entry>>();
        foreach (var block in oldRun)
        {
            if (moves.Away.TryGetValue(block, out var move))
            {
                At(away, oldStay.Count).Add(Entry.Stub(block, move));
            }
            else
            {
                oldStay.Add(block);
            }
        }

        foreach (var block in newRun)
        {
            if (moves.Here.TryGetValue(block, out var moved))
            {
                At(here, newStay.Count).Add(Entry.MovedHere(moved.Origin, block, moved.Move));
            }
            else
            {
                newStay.Add(block);
            }
        }

        var steps = RunAligner.Align(oldStay, newStay, away.Keys.ToHashSet(), here.Keys.ToHashSet());
        Flush(0, 0);
        foreach (var step in steps)
        {
            AddStep(step, oldStay, newStay, groups, entries);
            Flush(step.OldCount > 0 ? step.OldEnd : -1, step.NewCount > 0 ? step.NewEnd : -1);
        }

        Flush(oldStay.Count, newStay.Count);
        foreach (var rest in away.Values.Concat(here.Values))
        {
            entries.AddRange(rest);
        }

        void Flush(int oldAt, int newAt)
        {
            foreach (var (map, at) in new[] { (away, oldAt), (here, newAt) })
            {
                if (map.Remove(at, out var list))
                {
                    entries.AddRange(list);
                }
            }
        }
    }

    private static List<Entry> At(SortedDictionary<int, List<Entry>> map, int at)
    {
        if (!map.TryGetValue(at, out var list))
        {
            map[at] = list = [];
        }

        return list;
    }

    private static void AddStep(RunStep step, List<SourceBlock> old, List<SourceBlock> @new, GroupNumbers groups, List<Entry> entries)
    {
        switch (step.Kind)
        {
            case StepKind.Removed:
                entries.Add(Entry.Removed(old[step.OldStart]));
                break;
            case StepKind.Added:
                entries.Add(Entry.Added(@new[step.NewStart]));
                break;
            case StepKind.Pair or StepKind.Positional:
                entries.Add(Entry.Edited(old[step.OldStart], @new[step.NewStart], replaceable: step.Kind == StepKind.Positional));
                break;
            default:
                var oldBlocks = old.Skip(step.OldStart).Take(step.OldCount).ToList();
                var newBlocks = @new.Skip(step.NewStart).Take(step.NewCount).ToList();
                var group = groups.Next();
                var flow = RunAligner.Flow(oldBlocks, newBlocks);
                for (var k = 0; k < newBlocks.Count; k++)
                {
                    entries.Add(new Entry(ChangeKind.Changed, null, newBlocks[k], WordDiffer.Group(flow[k]), false,
                        k == 0 ? FormNote.Regrouped(oldBlocks, newBlocks.Count) : null, group, null)
                    {
                        OldText = k == 0 ? string.Join("\n", oldBlocks.Select(b => string.Concat(b.Tokens.Select(t => t.Text)).Trim(' '))) : null,
                    });
                }

                break;
        }
    }

    /// <summary>
    /// Blocks of the new version keep their own containers; a removed block goes into the new container its old one was paired
    /// with (the same list, the same list item), so that it shows where it stood rather than in a list of its own.
    /// </summary>
    private static Dictionary<int, BlockContainer> OldToNewContainers(List<Entry> entries)
    {
        var keys = new Dictionary<int, BlockContainer>();
        foreach (var entry in entries)
        {
            if (entry is not { Old: { } old, New: { } @new, Move: null } || old.Shape != @new.Shape)
            {
                continue;
            }

            for (var k = 0; k < old.Containers.Count; k++)
            {
                keys.TryAdd(old.Containers[k].Key, @new.Containers[k]);
            }

            keys.TryAdd(old.Key, new BlockContainer(@new.Tag, @new.Key) { Attributes = @new.Attributes });
        }

        return keys;
    }

    /// <summary>
    /// One block of the section's diff before its containers are known: Fixed is the kind of an added, removed or moved-away
    /// block; otherwise the kind follows from the tokens and the note.
    /// </summary>
    private sealed record Entry(
        ChangeKind? Fixed, SourceBlock? Old, SourceBlock? New, IReadOnlyList<DiffToken> Tokens, bool Replaced, string? Note, int Group, BlockMove? Move)
    {
        /// <summary>For the first block of a regrouping, the old blocks' text.</summary>
        public string? OldText { get; init; }

        public static Entry Same(SourceBlock old, SourceBlock @new) =>
            new(null, old, @new, @new.Unchanged, false, null, 0, null);

        public static Entry Removed(SourceBlock old) =>
            new(ChangeKind.Removed, old, null, old.Tokens.Select(t => t.As(TokenChange.Deleted)).ToList(), false, null, 0, null);

        public static Entry Added(SourceBlock @new) =>
            new(ChangeKind.Added, null, @new, @new.Tokens.Select(t => t.As(TokenChange.Inserted)).ToList(), false, null, 0, null);

        /// <summary>Where a moved block stood: no text of its own, only the note that links to where it went.</summary>
        public static Entry Stub(SourceBlock old, BlockMove move) => new(ChangeKind.Moved, old, null, [], false, null, 0, move);

        public static Entry MovedHere(SourceBlock origin, SourceBlock @new, BlockMove move) =>
            Edited(origin, @new, replaceable: false) with { Move = move };

        /// <summary>An old block and its new version; replaceable blocks that share few words show as replaced.</summary>
        public static Entry Edited(SourceBlock old, SourceBlock @new, bool replaceable)
        {
            var (tokens, replaced) = old.AlignKey == @new.AlignKey
                ? (@new.Unchanged, false)
                : @new.Tag == "tr" && old.Tag == "tr"
                    ? WordDiffer.CompareRow(old.Tokens, @new.Tokens)
                    : replaceable ? WordDiffer.Compare(old.Tokens, @new.Tokens) : (WordDiffer.Diff(old.Tokens, @new.Tokens), false);
            return new Entry(null, old, @new, tokens, replaced, FormNote.Of(old, @new), 0, null);
        }

        public BlockDiff ToDiff(IReadOnlyDictionary<int, BlockContainer> keys)
        {
            if (New is null)
            {
                var old = Old!;
                return new BlockDiff(old.Tag, Fixed!.Value, Tokens, false, old.Containers.Select(c => Translate(c, keys)).ToList(), Translate(old.Key, keys))
                {
                    Move = Move,
                    Attributes = old.Attributes,
                    Cells = old.Cells,
                    OldCells = old.Cells,
                };
            }

            var kind = Fixed ?? (Note is null && Tokens.All(t => t.Change == TokenChange.Same && !t.MarkupChanged) ? ChangeKind.Unchanged : ChangeKind.Changed);
            return new BlockDiff(New.Tag, kind, Tokens, Replaced, New.Containers, New.Key)
            {
                FormatNote = Note,
                Move = Move,
                Group = Group,
                Attributes = New.Attributes,
                Cells = New.Cells,
                OldCells = Old?.Cells ?? [],
                RegroupedOldText = OldText,
            };
        }

        private static BlockContainer Translate(BlockContainer old, IReadOnlyDictionary<int, BlockContainer> keys) =>
            keys.TryGetValue(old.Key, out var container) && container.Tag == old.Tag ? container : old with { Key = -old.Key - 1 };

        /// <summary>New keys are never negative, so an old element with no new counterpart gets a negative key of its own.</summary>
        private static int Translate(int oldKey, IReadOnlyDictionary<int, BlockContainer> keys) =>
            keys.TryGetValue(oldKey, out var container) ? container.Key : -oldKey - 1;
    }
}
