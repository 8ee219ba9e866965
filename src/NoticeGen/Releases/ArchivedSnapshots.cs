using System.Collections.Concurrent;
using NoticeGen.Load;

namespace NoticeGen.Releases;

/// <summary>
/// The archive's site.yml snapshots as parsed, by text: most releases keep site.yml as the one before did, and parsing
/// 200 copies of the same YAML was a quarter of a warm build's archive check. A snapshot that fails to parse is not kept,
/// so each copy reports its own error.
/// </summary>
public sealed class ArchivedSnapshots
{
    private readonly ConcurrentDictionary<string, YNode?> _parsed = new(StringComparer.Ordinal);

    /// <summary>The YAML of <paramref name="text"/>, as if read from <paramref name="file"/>.</summary>
    public YNode? Parse(string text, string file)
    {
        if (_parsed.TryGetValue(text, out var known))
        {
            return known is null ? null : YamlNodes.In(known, file);
        }

        var parsed = SafeYaml.Parse(text, file);
        _parsed.TryAdd(text, parsed);
        return parsed;
    }
}
