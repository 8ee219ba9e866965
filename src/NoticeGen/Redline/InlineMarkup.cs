using System.Collections.Frozen;

namespace NoticeGen.Redline;

/// <summary>
/// The inline elements a token sits in, outermost first. Part of the token's identity: the same word with another link,
/// another emphasis or another abbreviation title is a change, shown as a link or formatting change rather than new words.
/// </summary>
internal sealed class InlineMarkup : IEquatable<InlineMarkup>
{
    public static readonly InlineMarkup None = new([]);

    private static readonly FrozenDictionary<string, TextStyle> Styles = new Dictionary<string, TextStyle>(StringComparer.Ordinal)
    {
        ["strong"] = TextStyle.Strong, ["b"] = TextStyle.Strong,
        ["em"] = TextStyle.Emphasis, ["i"] = TextStyle.Emphasis,
        ["code"] = TextStyle.Code, ["kbd"] = TextStyle.Code, ["samp"] = TextStyle.Code,
        ["sup"] = TextStyle.Superscript, ["sub"] = TextStyle.Subscript,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private InlineMarkup(IReadOnlyList<InlineElement> elements)
    {
        Elements = elements;
        Key = KeyBuilder.Of(elements.Select(e => e.Key));
        foreach (var element in elements)
        {
            if (element.Tag is "a" or "img" && element.Attribute(element.Tag == "a" ? "href" : "src") is { } target)
            {
                Href = target;
            }

            Style |= Styles.GetValueOrDefault(element.Tag);
        }
    }

    public IReadOnlyList<InlineElement> Elements { get; }

    public string Key { get; }

    /// <summary>The target of the innermost link, or the address of the image the token labels.</summary>
    public string? Href { get; }

    public TextStyle Style { get; }

    public bool IsImage => Elements.Count > 0 && Elements[^1].Tag == "img";

    public InlineMarkup Push(InlineElement element) => new([.. Elements, element]);

    public InlineMarkup WithoutLast() => Elements.Count == 0 ? this : new([.. Elements.Take(Elements.Count - 1)]);

    /// <summary>Markup for a token made by hand (only a link and emphasis), as DiffToken's constructor describes it.</summary>
    public static InlineMarkup From(string? href, TextStyle style)
    {
        var markup = None;
        if (href is not null)
        {
            markup = markup.Push(new InlineElement("a", [new("href", href)]));
        }

        foreach (var (tag, flag) in new[] { ("strong", TextStyle.Strong), ("em", TextStyle.Emphasis), ("code", TextStyle.Code), ("sup", TextStyle.Superscript), ("sub", TextStyle.Subscript) })
        {
            if (style.HasFlag(flag))
            {
                markup = markup.Push(new InlineElement(tag, []));
            }
        }

        return markup;
    }

    public bool Equals(InlineMarkup? other) => other is not null && Key == other.Key;

    public override bool Equals(object? obj) => Equals(obj as InlineMarkup);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);
}
