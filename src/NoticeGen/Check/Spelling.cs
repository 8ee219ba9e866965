namespace NoticeGen.Check;

/// <summary>"Did you mean" for mistyped ids: the closest known id within a few edits.</summary>
public static class Spelling
{
    /// <summary>The candidate closest to <paramref name="wrong"/>, or null when none is close enough to be the intended one.</summary>
    public static string? Closest(string wrong, IEnumerable<string> candidates) =>
        candidates
            .Select(c => (Id: c, Distance: Distance(c, wrong)))
            .Where(x => x.Distance <= Math.Max(2, wrong.Length / 4))
            .OrderBy(x => x.Distance).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Select(x => x.Id)
            .FirstOrDefault();

    /// <summary>" Did you mean 'x'?" or nothing, to append to a message.</summary>
    public static string DidYouMean(string wrong, IEnumerable<string> candidates) =>
        Closest(wrong, candidates) is { } best ? $" Did you mean '{best}'?" : string.Empty;

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }

        return row[b.Length];
    }
}
