using NoticeGen.Check;

namespace NoticeGen.Load;

/// <summary>A node of a YAML document, with where it stands in its file.</summary>
public abstract record YNode(SourceSpan Where);

/// <summary>A YAML scalar; its value is always read as text and converted by the reader that knows what it means.</summary>
public sealed record YScalar(string Value, SourceSpan Where) : YNode(Where);

/// <summary>A YAML sequence.</summary>
public sealed record YSequence(IReadOnlyList<YNode> Items, SourceSpan Where) : YNode(Where);

/// <summary>A YAML mapping, in document order (order matters: notices and sections are listed in reading order).</summary>
public sealed record YMapping(IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries, SourceSpan Where) : YNode(Where)
{
    public YNode? Get(string key) => Entries.FirstOrDefault(e => e.Key.Value == key).Value;
}
