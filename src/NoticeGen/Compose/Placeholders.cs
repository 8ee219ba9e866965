namespace NoticeGen.Compose;

/// <summary>
/// Values rendered text refers to but cannot know when it is rendered, marked with private-use characters that Markdown
/// leaves alone; Output/LinkResolver puts in the value for each page it writes. They compare equal across versions,
/// so a page's stamp never changes its own text.
/// </summary>
public static class Placeholders
{
    /// <summary>Opens every mark; no site file may hold it (Load/SiteFiles refuses it), so a mark cannot be forged.</summary>
    public const char MarkStart = '\uE000';

    /// <summary>Closes every mark.</summary>
    public const char MarkEnd = '\uE001';

    /// <summary>{{ page.last_updated }}: the page's last-updated date, as readers see it ("January 1, 2026").</summary>
    public const string LastUpdated = "\uE000last-updated\uE001";

    /// <summary>Opens <see cref="Passage"/>: the passage's jurisdiction ids follow, comma-separated, then U+E001.</summary>
    public const string PassageStart = "\uE000applies:";

    /// <summary>
    /// On the full notice, where a passage limited by {{ if applies "eu" "uk" }} starts; Render/PassageLabels turns it into
    /// a label naming the jurisdictions, so it never reaches a page.
    /// </summary>
    public static string Passage(IEnumerable<string> jurisdictions) => PassageStart + string.Join(',', jurisdictions) + "\uE001";

    /// <summary>Where that passage ends.</summary>
    public const string PassageEnd = "\uE000end-applies\uE001";
}
