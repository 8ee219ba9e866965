namespace NoticeGen.Compose;

/// <summary>
/// Values rendered text refers to but cannot know when it is rendered, marked with private-use characters that Markdown
/// leaves alone; Output/LinkResolver puts in the value for each page it writes. They compare equal across versions,
/// so a page's stamp never changes its own text.
/// </summary>
public static class Placeholders
{
    /// <summary>{{ page.last_updated }}: the page's last-updated date, as readers see it ("January 1, 2026").</summary>
    public const string LastUpdated = "\uE000last-updated\uE001";
}
