using System.Collections.Concurrent;
using NoticeGen.Check;
using NoticeGen.Load;

namespace NoticeGen.Releases;

/// <summary>
/// The archive's fragments as parsed, by content: most releases change a few sections and freeze the others byte for byte
/// again, so a file that many releases hold (the same SHA-256 in their verified manifests, its tags checked against the
/// same jurisdictions) is read and parsed once, not once per release.
/// </summary>
public sealed class ArchivedFragments
{
    private readonly ConcurrentDictionary<(string Jurisdictions, string File), Fragment> _parsed = new();

    /// <summary>
    /// The fragments parsed against one set of jurisdictions: what one release asks about (sixty fragments against one
    /// set), keyed once instead of once per fragment, which was a quarter of reading the archive.
    /// </summary>
    public Shelf Among(IEnumerable<string> jurisdictions) => new(this, string.Join('\n', jurisdictions.Order(StringComparer.Ordinal)));

    /// <summary>The archived fragments parsed against one set of jurisdictions (see <see cref="Among"/>).</summary>
    public sealed class Shelf(ArchivedFragments archive, string jurisdictions)
    {
        /// <summary>The fragment parsed from the same bytes with these jurisdictions, as if read from <paramref name="file"/>; null when there is none yet.</summary>
        public Fragment? Find(string? fileHash, string file) =>
            fileHash is not null && archive._parsed.TryGetValue((jurisdictions, fileHash), out var parsed) ? At(parsed, file) : null;

        public void Add(string? fileHash, Fragment fragment)
        {
            if (fileHash is not null)
            {
                archive._parsed.TryAdd((jurisdictions, fileHash), fragment);
            }
        }
    }

    /// <summary>The fragment with every place in it naming <paramref name="file"/>, so that findings point into the release that holds it.</summary>
    private static Fragment At(Fragment fragment, string file) =>
        fragment.File == file
            ? fragment
            : fragment with
            {
                File = file,
                Where = fragment.Where with { File = file },
                Covers = [.. fragment.Covers.Select(c => YamlNodes.In(c, file))],
                ParamSpans = [.. fragment.ParamSpans.Select(p => new KeyValuePair<string, SourceSpan>(p.Key, p.Value with { File = file }))],
            };
}
