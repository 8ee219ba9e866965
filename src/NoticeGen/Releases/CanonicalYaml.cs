using System.Globalization;
using System.Text;

namespace NoticeGen.Releases;

/// <summary>
/// Writes the small YAML files NoticeGen generates (release manifests, site snapshots) in one fixed form:
/// every string double-quoted, keys in the order given, LF line ends; so equal content gives equal bytes.
/// </summary>
public sealed class CanonicalYaml
{
    private readonly StringBuilder _text = new();

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
        _text.Append(' ', indent).Append(KeyText(key)).Append(": ").Append(Quote(value)).Append('\n');
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
        _text.Append(' ', indent).Append("- ").Append(KeyText(key)).Append(": ").Append(Quote(value)).Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();

    private static string KeyText(string key) =>
        key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') && key.Length > 0 ? key : Quote(key);

    /// <summary>A YAML double-quoted string: the escapes YAML and JSON share, everything else as UTF-8.</summary>
    public static string Quote(string value)
    {
        var result = new StringBuilder(value.Length + 2).Append('"');
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

        return result.Append('"').ToString();
    }
}
