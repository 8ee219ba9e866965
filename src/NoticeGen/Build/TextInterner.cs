using System.Collections.Concurrent;

namespace NoticeGen.Build;

/// <summary>
/// Makes equal rendered texts share one string, so that a long history of releases that each change a few sections
/// costs memory for the sections that changed, not for every section of every release.
/// </summary>
public sealed class TextInterner
{
    private readonly ConcurrentDictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <summary>The shared copy of a text; safe to call from the rendering threads.</summary>
    public string Intern(string text) => _texts.GetOrAdd(text, text);
}
