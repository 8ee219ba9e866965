using System.Collections.Concurrent;
using NoticeGen.Compose;
using NoticeGen.History;
using NoticeGen.Redline;
using NoticeGen.Render;

namespace NoticeGen.Build;

/// <summary>
/// Computes each redline of a build once, whichever output asks first (the redline page, a changelog, a feed), on any
/// thread; with a cache, a redline between two texts seen by an earlier build is read back instead of recomputed.
/// </summary>
public sealed class RedlineService(BuildCache? cache)
{
    private readonly ConcurrentDictionary<(PageKey Page, DateOnly? From, DateOnly? To), Lazy<PageRedline>> _redlines = new();
    private readonly BlockCache _blocks = new();

    public PageRedline Of(RedlineEntry entry) =>
        _redlines.GetOrAdd((entry.Key, entry.From?.Effective, entry.To?.Effective), _ => new Lazy<PageRedline>(() => Compute(entry))).Value;

    private PageRedline Compute(RedlineEntry entry)
    {
        var title = entry.After.Plan.Notice.Title;
        var before = ToText(entry.Before, title);
        var after = ToText(entry.After, title);
        if (cache is null)
        {
            return Diff(before, after, _blocks);
        }

        var key = BuildCache.Key("redline", PageTextKey(before), PageTextKey(after));
        return cache.GetOrAdd(key, () => Diff(before, after, _blocks));
    }

    public static PageRedline Diff(PageText before, PageText after, BlockCache? blocks = null)
    {
        var diff = PageDiffer.Compare(before, after, blocks);
        return new PageRedline(diff.Summary, diff.Summary.Describe(), RedlineHtml.Render(diff), diff.ChangedBlocks(),
            diff.Sections.Select(s => s.Id).Where(id => id.Length > 0).ToList(),
            diff.Sections.Where(s => s.HasChanges && !s.IsIntro).Select(s => s.Id).ToList());
    }

    /// <summary>The redline input of a page; a page that did not exist yet compares as an empty page.</summary>
    public static PageText ToText(RenderedPage? page, string title) =>
        page is null
            ? new PageText(title, string.Empty, [])
            : new PageText(page.Plan.Notice.Title, page.IntroHtml, page.Sections.Select(s => new SectionText(s.Id, s.Heading, s.Html)).ToList());

    private static string PageTextKey(PageText text) =>
        BuildCache.Key([text.Title, text.IntroHtml, .. text.Sections.SelectMany(s => new[] { s.Id, s.Heading, s.Html })]);
}
