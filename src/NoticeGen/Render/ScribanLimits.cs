namespace NoticeGen.Render;

/// <summary>
/// How far a template may go before it is stopped with an error. Fragment text is written by editors and is bounded
/// tightly; the site's page templates are part of the site's code and must handle sites of tens of thousands of pages.
/// </summary>
public sealed record ScribanLimits(int Loops, int Recursion, int StringLength, int Output)
{
    /// <summary>
    /// For fragments: a loop or include chain that runs away stops early, and no fragment grows past 8 MB. A whole render
    /// takes at most 250,000 steps (a loop to the loop limit with a body of twenty expressions) and handles at most 16
    /// million characters of strings, so that no template, however its loops are arranged, keeps a page busy for more
    /// than a moment; the sample's fragments take a few dozen steps each.
    /// </summary>
    public static ScribanLimits Fragments { get; } = new(Loops: 10_000, Recursion: 32, StringLength: 4_000_000, Output: 8_000_000)
    {
        Steps = 250_000,
        Characters = 16_000_000,
    };

    /// <summary>For page templates: a page lists what the site holds, so only a generous bound on loops; text is not capped.</summary>
    public static ScribanLimits SiteTemplates { get; } = new(Loops: 10_000_000, Recursion: 64, StringLength: 0, Output: 0);

    /// <summary>How many expressions one render may evaluate, all loops and includes together; 0 for no bound.</summary>
    public long Steps { get; init; }

    /// <summary>How many characters of strings one render's expressions may yield, all together; 0 for no bound.</summary>
    public long Characters { get; init; }
}
