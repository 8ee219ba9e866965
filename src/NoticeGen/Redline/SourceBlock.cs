using System.Text;

namespace NoticeGen.Redline;

/// <summary>A word, space, punctuation mark or break of a block as read from the HTML, with its link and formatting.</summary>
internal sealed record InlineToken(string Text, string? Href, TextStyle Style)
{
    public static readonly InlineToken Space = new(" ", null, TextStyle.None);

    public bool IsSpace => Text == " ";

    /// <summary>What the diff compares. Spaces compare equal inside or outside a link: no reader can tell them apart.</summary>
    public string Key => IsSpace ? " " : KeyBuilder.Of(Text, Href ?? "\0", ((int)Style).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The tokens of plain text such as a heading.</summary>
    public static IReadOnlyList<InlineToken> FromText(string text) =>
        Tidy(WordTokenizer.Instance.Chunk(text).Select(t => new InlineToken(t, null, TextStyle.None)));

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

    public DiffToken As(TokenChange change) => new(Text, change, Href, Style);
}

/// <summary>A leaf block as read from one version's HTML: tag, the containers it sits in, its own element key and its tokens.</summary>
internal sealed record SourceBlock(string Tag, IReadOnlyList<BlockContainer> Containers, int Key, IReadOnlyList<InlineToken> Tokens)
{
    /// <summary>Where the block sits, e.g. "li in ul": only blocks of the same shape are compared word by word.</summary>
    public string Shape { get; } = ShapeOf(Tag, Containers);

    /// <summary>What block alignment compares: the shape, and the words with their links and formatting.</summary>
    public string AlignKey { get; } = KeyBuilder.Of([ShapeOf(Tag, Containers), .. Tokens.Select(t => t.Key)]);

    private static string ShapeOf(string tag, IReadOnlyList<BlockContainer> containers) =>
        KeyBuilder.Of([tag, .. containers.Select(c => c.Tag)]);
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
