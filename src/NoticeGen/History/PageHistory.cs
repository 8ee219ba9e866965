using NoticeGen.Compose;
using NoticeGen.Releases;
using NoticeGen.Render;

namespace NoticeGen.History;

/// <summary>One page as it stood in one release: its text, and whether that text differs from the page's previous version.</summary>
public sealed record PageVersion(Release Release, RenderedPage Page, string Fingerprint, PageVersion? Previous, Stamp Stamp)
{
    /// <summary>True when the page is new in this release or its own text changed since its previous version.</summary>
    public bool Changed => Previous is null || Previous.Fingerprint != Fingerprint;
}

/// <summary>The dates a page shows: when its text last changed, and when it was last confirmed by a later release.</summary>
public sealed record Stamp(DateOnly LastUpdated, DateOnly? LastReviewed);

/// <summary>The versions of one notice x audience page across all releases, oldest first.</summary>
public sealed class PageHistory
{
    private readonly Dictionary<Release, PageVersion> _byRelease;

    public PageHistory(PageKey key, IReadOnlyList<PageVersion> versions)
    {
        Key = key;
        Versions = versions;
        _byRelease = versions.ToDictionary(v => v.Release);
    }

    public PageKey Key { get; }

    public IReadOnlyList<PageVersion> Versions { get; }

    /// <summary>The page's latest version: its notice and audience as they are known now.</summary>
    public PageVersion Latest => Versions[^1];

    public PageVersion? At(Release release) => _byRelease.GetValueOrDefault(release);

    /// <summary>Builds the history of every page from the pages each release rendered, with each version's stamp.</summary>
    public static IReadOnlyDictionary<PageKey, PageHistory> Build(IEnumerable<(Release Release, IReadOnlyList<RenderedPage> Pages)> releases,
        PageFingerprints? fingerprints = null, ParallelOptions? parallel = null)
    {
        fingerprints ??= new PageFingerprints();
        var ordered = releases.OrderBy(r => r.Release.Effective).SelectMany(r => r.Pages.Select(page => (r.Release, Page: page))).ToList();
        // The pages' fingerprints are independent of each other: taken on all cores (a fifth of a warm 200-release build
        // on one), then read in order.
        var prints = new string[ordered.Count];
        Parallel.For(0, ordered.Count, parallel ?? new ParallelOptions(), i => prints[i] = fingerprints.Of(ordered[i].Page));
        var versions = new Dictionary<PageKey, List<PageVersion>>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var (release, page) = ordered[i];
            if (!versions.TryGetValue(page.Plan.Key, out var list))
            {
                versions[page.Plan.Key] = list = [];
            }

            var previous = list.LastOrDefault();
            // A release that changed nothing on the page still counts as a review of it.
            var stamp = previous is null || previous.Fingerprint != prints[i]
                ? new Stamp(release.Effective, null)
                : new Stamp(previous.Stamp.LastUpdated, release.Effective);
            list.Add(new PageVersion(release, page, prints[i], previous, stamp));
        }

        return versions.ToDictionary(v => v.Key, v => new PageHistory(v.Key, v.Value));
    }
}
