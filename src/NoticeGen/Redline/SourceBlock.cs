using System.Text;

namespace NoticeGen.Redline;

/// <summary>
/// A word, space, punctuation mark or break of a block as read from the HTML, with the inline elements it sits in. An inline
/// element with no text of its own (an anchor such as &lt;a id="x"&gt;&lt;/a&gt;) is a token with empty text, so that it
/// is compared like the rest.
/// </summary>
internal sealed record InlineToken(string Text, InlineMarkup Markup)
{
    public static readonly InlineToken Space = new(" ", InlineMarkup.None);

    public bool IsSpace => Text == " ";

    /// <summary>
    /// What the diff compares: the text, a line break counting as a space; a Same pair whose markup differs (or a space that became
    /// a line break) is a link or formatting change.
    /// </summary>
    public string TextKey => Text == DiffToken.LineBreak ? " " : Text;

    /// <summary>
    /// Appends what identifies the token in a block's AlignKey, KeyBuilder.Of(Text, Markup.Key), without making that string:
    /// the text and the markup. Spaces compare equal inside or outside an element: no reader can tell them apart.
    /// </summary>
    public void AppendKey(StringBuilder key)
    {
        if (IsSpace)
        {
            key.Append("1: ");
            return;
        }

        var markup = Markup.Key;
        var length = Text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 1 + Text.Length
            + markup.Length.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 1 + markup.Length;
        key.Append(length).Append(':').Append(Text.Length).Append(':').Append(Text).Append(markup.Length).Append(':').Append(markup);
    }

    public bool IsWord => Text.EnumerateRunes().Any(Rune.IsLetterOrDigit);

    /// <summary>The tokens of plain text such as a heading.</summary>
    public static IReadOnlyList<InlineToken> FromText(string text) =>
        Tidy(WordTokenizer.Instance.Chunk(text).Select(t => new InlineToken(t, InlineMarkup.None)));

    /// <summary>Drops spaces at the ends, doubled spaces and spaces beside a line break, none of which a reader sees.</summary>
    public static IReadOnlyList<InlineToken> Tidy(IEnumerable<InlineToken> tokens)
    {
        var result = new List<InlineToken>();
        foreach (var token in tokens)
        {
            var last = result.Count > 0 ? result[^1] : null;
            if (token.IsSpace && (last is null || last.IsSpace || last.Text == DiffToken.LineBreak))
            {
                continue;
            }

            if (token.Text == DiffToken.LineBreak && last is { IsSpace: true })
            {
                result.RemoveAt(result.Count - 1);
            }

            result.Add(token);
        }

        if (result.Count > 0 && result[^1].IsSpace)
        {
            result.RemoveAt(result.Count - 1);
        }

        return result;
    }

    public DiffToken As(TokenChange change) => DiffToken.Of(Text, change, Markup);
}

/// <summary>
/// A leaf block as read from one version's HTML: tag, the containers it sits in, its own element key and its tokens. Attributes
/// are the element's own; Cells a table row's cells; Break tells where the block starts a container next to a sibling container
/// of the same kind (two lists in a row rather than one), which its words and containers alone do not show.
/// </summary>
internal sealed class SourceBlock(string tag, IReadOnlyList<BlockContainer> containers, int key, IReadOnlyList<InlineToken> tokens)
{
    /// <summary>The block these are a copy of, under other keys: its keys and counts, which keys do not change, are computed once.</summary>
    private SourceBlock? _original;

    public string Tag { get; } = tag;

    public IReadOnlyList<BlockContainer> Containers { get; } = containers;

    /// <summary>The block element's key, unique in its version; a list item's nested blocks name it as their container.</summary>
    public int Key { get; } = key;

    public IReadOnlyList<InlineToken> Tokens { get; } = tokens;

    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; init; } = [];

    public IReadOnlyList<InlineElement> Cells { get; init; } = [];

    public string Break { get; set; } = string.Empty;

    /// <summary>A list item whose nested lists are blocks of their own: it cannot move without them.</summary>
    public bool HasNested { get; init; }

    /// <summary>Where the block sits, e.g. "li in ul": only blocks of the same shape are compared word by word in place.</summary>
    public string Shape => _original?.Shape ?? (_shape ??= ShapeOf(Tag, Containers));

    /// <summary>
    /// What block alignment compares: everything that makes the block's HTML, whitespace aside. Two blocks with the same key
    /// are the same HTML; a block whose key alone changed shows as a formatting change.
    /// </summary>
    public string AlignKey => _original?.AlignKey ?? (_alignKey ??= BuildAlignKey());

    /// <summary>The block's form without its words: tags and attributes of the block, its containers and cells, and its Break.</summary>
    public string Form => _original?.Form ?? (_form ??= KeyBuilder.Of([
        Tag, Attrs(Attributes), Break, .. Containers.Select(c => c.Tag + Attrs(c.Attributes)), .. Cells.Select(c => c.Key)]));

    /// <summary>
    /// The tokens as an unchanged block shows them: made once for every copy of the block, as most blocks of a long history
    /// are unchanged in most of its redlines.
    /// </summary>
    public IReadOnlyList<DiffToken> Unchanged => _original?.Unchanged ?? (_unchanged ??= Tokens.Select(t => t.As(TokenChange.Same)).ToList());

    /// <summary>The number of words, for thresholds that should not count punctuation.</summary>
    public int Words => _original?.Words ?? (_words >= 0 ? _words : _words = Tokens.Count(t => t.IsWord));

    private string? _shape;
    private string? _alignKey;
    private string? _form;
    // An int, not an int?: a block read once is shared by redlines on several threads, and an int is written whole.
    private int _words = -1;
    private IReadOnlyList<DiffToken>? _unchanged;

    /// <summary>KeyBuilder.Of(Form, each token's key), built in one go: it is computed for every block of both versions.</summary>
    private string BuildAlignKey()
    {
        var key = new StringBuilder(Form.Length + (Tokens.Count * 8));
        key.Append(Form.Length).Append(':').Append(Form);
        foreach (var token in Tokens)
        {
            token.AppendKey(key);
        }

        return key.ToString();
    }

    /// <summary>
    /// Copies of blocks with every key (their own and their containers') moved up by <paramref name="offset"/>; blocks that
    /// shared a container list still share one.
    /// </summary>
    public static IReadOnlyList<SourceBlock> Shift(IReadOnlyList<SourceBlock> blocks, int offset)
    {
        var lists = new Dictionary<IReadOnlyList<BlockContainer>, IReadOnlyList<BlockContainer>>(ReferenceEqualityComparer.Instance);
        var shifted = new SourceBlock[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (!lists.TryGetValue(block.Containers, out var containers))
            {
                lists[block.Containers] = containers = block.Containers.Count == 0 ? [] : block.Containers.Select(c => c with { Key = c.Key + offset }).ToList();
            }

            shifted[i] = new SourceBlock(block.Tag, containers, block.Key + offset, block.Tokens)
            {
                Attributes = block.Attributes,
                Cells = block.Cells,
                Break = block.Break,
                HasNested = block.HasNested,
                _original = block._original ?? block,
            };
        }

        return shifted;
    }

    private static string ShapeOf(string tag, IReadOnlyList<BlockContainer> containers) =>
        KeyBuilder.Of([tag, .. containers.Select(c => c.Tag)]);

    private static string Attrs(IReadOnlyList<KeyValuePair<string, string>> attributes) =>
        KeyBuilder.Of(attributes.SelectMany(a => new[] { a.Key, a.Value }));
}

/// <summary>Joins strings into one key that no other list of strings produces, whatever characters they hold.</summary>
internal static class KeyBuilder
{
    public static string Of(params IEnumerable<string> parts)
    {
        var key = new StringBuilder();
        foreach (var part in parts)
        {
            key.Append(part.Length).Append(':').Append(part);
        }

        return key.ToString();
    }
}
