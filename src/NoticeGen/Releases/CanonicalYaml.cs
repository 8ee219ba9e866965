using System.Globalization;
using System.Text;

namespace NoticeGen.Releases;

/// <summary>
/// Writes the small YAML files NoticeGen generates (release manifests, site snapshots) in one fixed form:
/// every string double-quoted, keys in the order given, LF line ends; so equal content gives equal bytes.
/// </summary>
public sealed class CanonicalYaml
{
    private readonly StringBuilder _text;

    /// <param name="capacity">The length the text is expected to reach, when known (a manifest read back is written again to compare).</param>
    public CanonicalYaml(int capacity = 256)
    {
        _text = new StringBuilder(capacity);
    }

    public CanonicalYaml Comment(string text)
    {
        _text.Append("# ").Append(text).Append('\n');
        return this;
    }

    public CanonicalYaml Key(int indent, string key)
    {
        _text.Append(' ', indent).Append(KeyText(key)).Append(":\n");
        return this;
    }

    /// <summary>"key: {}", a map with no entries.</summary>
    public CanonicalYaml EmptyMapping(int indent, string key)
    {
        _text.Append(' ', indent).Append(KeyText(key)).Append(": {}\n");
        return this;
    }

    public CanonicalYaml Scalar(int indent, string key, string value)
    {
        AppendQuoted(_text.Append(' ', indent).Append(KeyText(key)).Append(": "), value).Append('\n');
        return this;
    }

    public CanonicalYaml Bool(int indent, string key, bool value)
    {
        _text.Append(' ', indent).Append(KeyText(key)).Append(": ").Append(value ? "true" : "false").Append('\n');
        return this;
    }

    public CanonicalYaml List(int indent, string key, IEnumerable<string> values)
    {
        _text.Append(' ', indent).Append(KeyText(key)).Append(": [").Append(string.Join(", ", values.Select(Quote))).Append("]\n");
        return this;
    }

    /// <summary>Starts a list item: "- key: value" at the given indent.</summary>
    public CanonicalYaml Item(int indent, string key, string value)
    {
        AppendQuoted(_text.Append(' ', indent).Append("- ").Append(KeyText(key)).Append(": "), value).Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>Whether the text written so far is exactly <paramref name="text"/> (compared in place, without making a string of it).</summary>
    public bool Is(string text) => _text.Equals(text.AsSpan());

    private static string KeyText(string key) =>
        key.Length > 0 && !key.AsSpan().ContainsAnyExcept(BareKey) ? key : Quote(key);

    /// <summary>A YAML double-quoted string: the escapes YAML and JSON share, everything else as UTF-8.</summary>
    public static string Quote(string value) => AppendQuoted(new StringBuilder(value.Length + 2), value).ToString();

    private static StringBuilder AppendQuoted(StringBuilder result, string value)
    {
        result.Append('"');
        if (!value.AsSpan().ContainsAny(Escaped))
        {
            // Nearly every value (paths, hashes, dates): written as it is, without a character-by-character copy.
            return result.Append(value).Append('"');
        }

        foreach (var c in value)
        {
            switch (c)
            {
                case '"': result.Append("\\\""); break;
                case '\\': result.Append("\\\\"); break;
                case '\n': result.Append("\\n"); break;
                case '\t': result.Append("\\t"); break;
                case '\r': result.Append("\\r"); break;
                default:
                    if (char.IsControl(c))
                    {
                        result.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        result.Append(c);
                    }

                    break;
            }
        }

        return result.Append('"');
    }

    /// <summary>What a key may hold and be written bare.</summary>
    private static readonly System.Buffers.SearchValues<char> BareKey = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    /// <summary>What <see cref="AppendQuoted"/> escapes: the quote, the backslash and every control character (C0, DEL and C1).</summary>
    private static readonly System.Buffers.SearchValues<char> Escaped = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(i => (char)i), '"', '\\', .. Enumerable.Range(0x7f, 0x21).Select(i => (char)i)]);
}
