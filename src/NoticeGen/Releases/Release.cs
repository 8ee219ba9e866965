using NoticeGen.Load;

namespace NoticeGen.Releases;

/// <summary>A published, immutable version of the site's text: its manifest, its folder and the content it froze.</summary>
public sealed record Release(ReleaseManifest Manifest, string Folder, ContentSet Content)
{
    public DateOnly Effective => Manifest.Effective;

    public string Summary => Manifest.Summary;

    /// <summary>
    /// What the caches know the release by: its folder and its manifest as written, made once (several keys read it).
    /// Computed from the other members when the release is made, so it takes no part in equality of its own.
    /// </summary>
    public string Identity { get; } = Folder + "\n" + Manifest.ToYaml();

    /// <summary>
    /// Equality stays the record's; the hash takes only the folder and date, which equal releases share: releases key the
    /// build's dictionaries, and hashing the whole manifest text at every lookup was 2% of a warm build.
    /// </summary>
    public override int GetHashCode() => HashCode.Combine(Folder, Manifest.Effective);

    /// <summary>The URL segment of this release's pages, e.g. "2025-05-04/".</summary>
    public string Segment => Dates.Iso(Effective) + "/";
}
