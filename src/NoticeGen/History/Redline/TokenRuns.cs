namespace NoticeGen.History.Redline;

/// <summary>Splits tokens into runs that share a property, such as their change or their link.</summary>
internal static class TokenRuns
{
    public static IEnumerable<(TKey Key, List<DiffToken> Tokens)> By<TKey>(IEnumerable<DiffToken> tokens, Func<DiffToken, TKey> key)
    {
        var run = new List<DiffToken>();
        TKey current = default!;
        foreach (var token in tokens)
        {
            var k = key(token);
            if (run.Count > 0 && !EqualityComparer<TKey>.Default.Equals(k, current))
            {
                yield return (current, run);
                run = [];
            }

            current = k;
            run.Add(token);
        }

        if (run.Count > 0)
        {
            yield return (current, run);
        }
    }

    /// <summary>The cells of a table row, split at its cell breaks.</summary>
    public static List<List<DiffToken>> Cells(IEnumerable<DiffToken> tokens)
    {
        var cells = new List<List<DiffToken>> { new() };
        foreach (var token in tokens)
        {
            if (token.Text == DiffToken.CellBreak)
            {
                cells.Add([]);
            }
            else
            {
                cells[^1].Add(token);
            }
        }

        return cells;
    }
}
