using NoticeGen.Releases;
using NoticeGen.Compose;
using NoticeGen.Render;

namespace NoticeGen.History;

/// <summary>One page as it stood in one release: its text, and whether that text differs from the page's previous version.</summary>
public sealed record PageVersion(Release Release, RenderedPage Page, string Fingerprint, PageVersion? Previous)
{
    /// <summary>True when the page is new in this release or its own text changed since its previous version.</summary>
    public bool Changed => Previous is null || Previous.Fingerprint != Fingerprint;
}

/// <summary>The dates a page shows: when its text last changed, and when it was last confirmed by a later release.</summary>
public sealed record Stamp(DateOnly LastUpdated, DateOnly? LastReviewed);

/// <summary>The versions of one notice x audience page across all releases, oldest first.</summary>
public sealed class PageHistory(PageKey key, IReadOnlyList<PageVersion> versions)
{
    public PageKey Key { get; } = key;

    public IReadOnlyList<PageVersion> Versions { get; } = versions;

    public PageVersion? At(Release release) => Versions.FirstOrDefault(v => v.Release == release);

    /// <summary>The stamp of the page as of <paramref name="release"/>: a release that changed nothing still counts as a review.</summary>
    public Stamp StampAt(Release release)
    {
        var upTo = Versions.Where(v => v.Release.Effective <= release.Effective).ToList();
        var updated = upTo.Last(v => v.Changed).Release.Effective;
        var latest = upTo[^1].Release.Effective;
        return new Stamp(updated, latest > updated ? latest : null);
    }

    /// <summary>Builds the history of every page from the pages each release rendered.</summary>
    public static IReadOnlyDictionary<PageKey, PageHistory> Build(IEnumerable<(Release Release, IReadOnlyList<RenderedPage> Pages)> releases)
    {
        var versions = new Dictionary<PageKey, List<PageVersion>>();
        foreach (var (release, pages) in releases.OrderBy(r => r.Release.Effective))
        {
            foreach (var page in pages)
            {
                if (!versions.TryGetValue(page.Plan.Key, out var list))
                {
                    versions[page.Plan.Key] = list = [];
                }

                list.Add(new PageVersion(release, page, PageFingerprint.Of(page), list.LastOrDefault()));
            }
        }

        return versions.ToDictionary(v => v.Key, v => new PageHistory(v.Key, v.Value));
    }
}
