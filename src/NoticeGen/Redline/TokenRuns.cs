namespace NoticeGen.Redline;

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

    /// <summary>The cells of a table row, split at its cell breaks; read tokens and diffed tokens are split alike.</summary>
    public static List<List<T>> Cells<T>(IEnumerable<T> tokens, Func<T, string> text)
    {
        var cells = new List<List<T>> { new() };
        foreach (var token in tokens)
        {
            if (text(token) == DiffToken.CellBreak)
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
