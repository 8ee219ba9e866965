using NoticeGen.Load;

namespace NoticeGen.Releases;

/// <summary>
/// A published, immutable version of the site's text: its manifest, its folder, its site.yml and the fragments it froze.
/// The fragments may be read when first asked for (<see cref="ReleaseStore.ReadFragments"/>): a build that finds its
/// output unchanged needs only the manifests and site.yml snapshots of the archive.
/// </summary>
public sealed record Release
{
    private readonly Lazy<ContentSet> _content;

    public Release(ReleaseManifest manifest, string folder, ContentSet content)
        : this(manifest, folder, content.Site, () => content)
    {
    }

    /// <summary>A release whose fragments <paramref name="content"/> reads the first time they are asked for.</summary>
    public Release(ReleaseManifest manifest, string folder, SiteModel site, Func<ContentSet> content)
    {
        Manifest = manifest;
        Folder = folder;
        Site = site;
        _content = new Lazy<ContentSet>(content, LazyThreadSafetyMode.ExecutionAndPublication);
        Identity = folder + "\n" + manifest.ToYaml();
    }

    public ReleaseManifest Manifest { get; }

    /// <summary>The release's folder, relative to the site folder ("content/releases/2025-05-04").</summary>
    public string Folder { get; }

    /// <summary>The release's copy of site.yml, read with the release.</summary>
    public SiteModel Site { get; }

    /// <summary>The release's site.yml and fragments; a fragment that cannot be read throws its error at every ask.</summary>
    public ContentSet Content => _content.Value;

    /// <summary>Whether the fragments have been read (or failed to be).</summary>
    internal bool FragmentsRead => _content.IsValueCreated;

    public DateOnly Effective => Manifest.Effective;

    public string Summary => Manifest.Summary;

    /// <summary>What the caches know the release by: its folder and its manifest as written, made once (several keys read it).</summary>
    public string Identity { get; }

    /// <summary>
    /// The hash takes only the folder and date, which equal releases share: releases key the build's dictionaries, and
    /// hashing the whole manifest text at every lookup was 2% of a warm build. (Equality is the record's, which compares
    /// the fragments' loader too: only releases of one reading of the archive are equal, and a build compares no others.)
    /// </summary>
    public override int GetHashCode() => HashCode.Combine(Folder, Manifest.Effective);

    /// <summary>The URL segment of this release's pages, e.g. "2025-05-04/".</summary>
    public string Segment => Dates.Iso(Effective) + "/";
}
