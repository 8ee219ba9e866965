using NoticeGen.Load;

namespace NoticeGen.Releases;

/// <summary>A published, immutable version of the site's text: its manifest, its folder and the content it froze.</summary>
public sealed record Release(ReleaseManifest Manifest, string Folder, ContentSet Content)
{
    public DateOnly Effective => Manifest.Effective;

    public string Summary => Manifest.Summary;

    /// <summary>The URL segment of this release's pages, e.g. "2025-05-04/".</summary>
    public string Segment => Dates.Iso(Effective) + "/";
}
