namespace NoticeGen.Redline;

/// <summary>
/// One inline element around a token (a, strong, abbr, sup, img, ...), or a table cell: its tag and its attributes in name order.
/// Compared by Key.
/// </summary>
internal sealed class InlineElement(string tag, IReadOnlyList<KeyValuePair<string, string>> attributes) : IEquatable<InlineElement>
{
    public string Tag { get; } = tag;

    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; } = attributes;

    /// <summary>What identifies the element when versions are compared. An image's alt text is its label, compared as words.</summary>
    public string Key { get; } = KeyBuilder.Of([tag, .. attributes.SelectMany(a => new[] { a.Key, tag == "img" && a.Key == "alt" ? string.Empty : a.Value })]);

    public string? Attribute(string name) => Attributes.FirstOrDefault(a => a.Key == name).Value;

    public bool Equals(InlineElement? other) => other is not null && Key == other.Key;

    public override bool Equals(object? obj) => Equals(obj as InlineElement);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);
}
