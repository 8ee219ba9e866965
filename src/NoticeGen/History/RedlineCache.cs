using NoticeGen.Releases;
using NoticeGen.Redline;
using NoticeGen.Render;

namespace NoticeGen.History;

/// <summary>Turns rendered pages into the redline engine's input, and caches each comparison so pages, changelogs and feeds share it.</summary>
public sealed class RedlineCache
{
    private readonly Dictionary<RedlineEntry, PageDiff> _diffs = [];

    public PageDiff Diff(RedlineEntry entry)
    {
        if (!_diffs.TryGetValue(entry, out var diff))
        {
            _diffs[entry] = diff = PageDiffer.Compare(ToText(entry.Before, entry.After.Plan.Notice.Title), ToText(entry.After, entry.After.Plan.Notice.Title));
        }

        return diff;
    }

    /// <summary>The redline input of a page; a page that did not exist yet compares as an empty page.</summary>
    public static PageText ToText(RenderedPage? page, string title) =>
        page is null
            ? new PageText(title, string.Empty, [])
            : new PageText(page.Plan.Notice.Title, page.IntroHtml, page.Sections.Select(s => new SectionText(s.Id, s.Heading, s.Html)).ToList());
}
