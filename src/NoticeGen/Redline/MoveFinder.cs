namespace NoticeGen.Redline;

/// <summary>
/// A block that block alignment left unmatched in one version: where it is (section, and the run of unmatched blocks it is in, so
/// that blocks of one run are edited in place rather than moved) and its place in page order.
/// </summary>
internal sealed record MoveCandidate(string SectionId, int Run, int Order, SourceBlock Block);

/// <summary>
/// Finds blocks that moved: a block left unmatched on the old page and one left unmatched elsewhere on the new page, of the same
/// tag, with the same text or nearly. Short blocks ("Yes.", a two-word list item) only move when their text is the same, so
/// that common phrases do not pair up by chance.
/// </summary>
internal static class MoveFinder
{
    /// <summary>A block with the same text moves when it has at least this many words.</summary>
    public const int MinWordsSame = 3;

    /// <summary>An edited block moves when both versions have at least this many words and they are this similar.</summary>
    public const int MinWordsEdited = 6;

    public const double MinSimilarity = 0.75;

    /// <summary>Comparing every unmatched old block with every unmatched new one stops here: past it only same-text moves are found.</summary>
    private const int MaxComparisons = 40_000;

    public static List<(MoveCandidate Old, MoveCandidate New)> Find(IReadOnlyList<MoveCandidate> old, IReadOnlyList<MoveCandidate> @new)
    {
        var moves = new List<(MoveCandidate, MoveCandidate)>();
        var usedOld = new HashSet<MoveCandidate>();
        var usedNew = new HashSet<MoveCandidate>();

        // Same text first: the old blocks by text, each taken by the first new block that has it.
        var byText = old.Where(c => c.Block.Words >= MinWordsSame)
            .GroupBy(c => TextOf(c.Block), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var candidate in @new.Where(c => c.Block.Words >= MinWordsSame))
        {
            if (byText.TryGetValue(TextOf(candidate.Block), out var same)
                && same.FirstOrDefault(o => !usedOld.Contains(o) && Movable(o, candidate)) is { } match)
            {
                moves.Add((match, candidate));
                usedOld.Add(match);
                usedNew.Add(candidate);
            }
        }

        var restOld = old.Where(c => !usedOld.Contains(c) && c.Block.Words >= MinWordsEdited).ToList();
        var restNew = @new.Where(c => !usedNew.Contains(c) && c.Block.Words >= MinWordsEdited).ToList();
        if ((long)restOld.Count * restNew.Count > MaxComparisons)
        {
            return moves;
        }

        // Then edited blocks, the most similar pairs first. A bag-of-words bound rules out most pairs before the word alignment.
        var bags = restOld.Concat(restNew).ToDictionary(c => c, c => Bag(c.Block));
        var sizes = bags.ToDictionary(b => b.Key, b => b.Value.Values.Sum());
        var pairs = new List<(double Similarity, MoveCandidate Old, MoveCandidate New)>();
        foreach (var n in restNew)
        {
            foreach (var o in restOld.Where(o => Movable(o, n)))
            {
                if (BagSimilarity(bags[o], bags[n], sizes[o] + sizes[n]) < MinSimilarity)
                {
                    continue;
                }

                var similarity = WordDiffer.Similarity(o.Block.Tokens, n.Block.Tokens);
                if (similarity >= MinSimilarity)
                {
                    pairs.Add((similarity, o, n));
                }
            }
        }

        foreach (var (_, o, n) in pairs.OrderByDescending(p => p.Similarity).ThenBy(p => p.New.Order).ThenBy(p => p.Old.Order))
        {
            if (!usedOld.Contains(o) && !usedNew.Contains(n))
            {
                moves.Add((o, n));
                usedOld.Add(o);
                usedNew.Add(n);
            }
        }

        return moves.OrderBy(m => m.Item2.Order).ToList();
    }

    /// <summary>Blocks of the same unmatched run are edited in place; a list item with nested blocks stays with them.</summary>
    private static bool Movable(MoveCandidate old, MoveCandidate @new) =>
        old.Block.Tag == @new.Block.Tag
        && (old.SectionId != @new.SectionId || old.Run != @new.Run)
        && old.Block.Cells.Count == @new.Block.Cells.Count
        && !old.Block.HasNested && !@new.Block.HasNested;

    private static string TextOf(SourceBlock block) => KeyBuilder.Of(block.Tokens.Select(t => t.TextKey));

    private static Dictionary<string, int> Bag(SourceBlock block)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in block.Tokens.Where(t => !t.IsSpace && t.Text.Length > 0))
        {
            bag[token.Text] = bag.GetValueOrDefault(token.Text) + 1;
        }

        return bag;
    }

    /// <summary>Twice the tokens two bags share over both counts: never below the similarity of the word alignment.</summary>
    private static double BagSimilarity(Dictionary<string, int> a, Dictionary<string, int> b, int total)
    {
        var common = a.Sum(w => Math.Min(w.Value, b.GetValueOrDefault(w.Key)));
        return total == 0 ? 0 : 2.0 * common / total;
    }
}
