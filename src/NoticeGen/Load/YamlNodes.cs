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

/// <summary>Moves YAML nodes to another file: the same document read from a copy of the file it was parsed from.</summary>
public static class YamlNodes
{
    /// <summary><paramref name="node"/> and everything under it with every place naming <paramref name="file"/>.</summary>
    public static YNode In(YNode node, string file) => node switch
    {
        _ when node.Where.File == file => node,
        YScalar scalar => In(scalar, file),
        YSequence sequence => new YSequence([.. sequence.Items.Select(i => In(i, file))], At(sequence.Where, file)),
        YMapping mapping => new YMapping([.. mapping.Entries.Select(e => new KeyValuePair<YScalar, YNode>(In(e.Key, file), In(e.Value, file)))], At(mapping.Where, file)),
        _ => throw new ArgumentException($"Unknown YAML node {node.GetType().Name}.", nameof(node)),
    };

    public static YScalar In(YScalar scalar, string file) => scalar.Where.File == file ? scalar : new(scalar.Value, At(scalar.Where, file));

    private static SourceSpan At(SourceSpan span, string file) => span with { File = file };
}
