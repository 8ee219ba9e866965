using System.Collections.Concurrent;

namespace NoticeGen.Redline;

/// <summary>
/// The blocks of each section text a build's redlines have read, by the text: most sections read the same from one
/// version to the next, and parsing them again for every redline was half of a long history's redline time. Safe to
/// share between threads; its blocks are never changed once read.
/// </summary>
public sealed class BlockCache
{
    private readonly ConcurrentDictionary<string, Section> _sections = new(StringComparer.Ordinal);

    internal Section GetOrAdd(string html, Func<string, Section> read) => _sections.GetOrAdd(html, read);

    /// <summary>A section's blocks as a reader starting at key 0 gives them, and how many keys it used.</summary>
    internal sealed record Section(IReadOnlyList<SourceBlock> Blocks, int Keys);
}
