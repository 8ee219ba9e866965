using NoticeGen.Load;

namespace NoticeGen.Releases;

/// <summary>
/// A release made but not yet written: the bytes of each of its files by path in the release folder (manifest
/// included), and the content it freezes, so that the site it would make can be built and checked before anything is
/// written (an archived release cannot be corrected afterwards).
/// </summary>
/// <param name="Folder">The release folder it will be written to, relative to the site.</param>
/// <param name="Content">
/// The frozen site.yml snapshot with the working fragments it keeps, at their working paths: a finding in its text names
/// the file to correct, not the archive copy that does not exist yet.
/// </param>
public sealed record PendingRelease(ReleaseManifest Manifest, string Folder, IReadOnlyDictionary<string, byte[]> Files, ContentSet Content)
{
    public DateOnly Effective => Manifest.Effective;

    /// <summary>The release as a build will read it once written.</summary>
    public Release ToRelease() => new(Manifest, Folder, Content);
}
