using System.Text;

namespace NoticeGen.Redline;

/// <summary>
/// Writes HTML the way AngleSharp serializes it (escapes, void elements without a slash), so that parsing the output and
/// serializing it again gives the same string.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new();

    public HtmlWriter Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                _html.Append(' ').Append(name).Append("=\"");
                Escape(value, attribute: true);
                _html.Append('"');
            }
        }

        _html.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>A void element (br, hr): it has no end tag, and AngleSharp writes it without a slash.</summary>
    public HtmlWriter Void(string tag, params (string Name, string? Value)[] attributes) => Open(tag, attributes);

    public HtmlWriter Text(string text)
    {
        Escape(text, attribute: false);
        return this;
    }

    /// <summary>A newline between blocks, as Markdig writes them; whitespace between blocks is no text a reader sees.</summary>
    public HtmlWriter Line()
    {
        _html.Append('\n');
        return this;
    }

    public override string ToString() => _html.ToString();

    private void Escape(string text, bool attribute)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => _html.Append("&amp;"),
                '\u00A0' => _html.Append("&nbsp;"),
                '<' => _html.Append("&lt;"),
                '>' => _html.Append("&gt;"),
                '"' when attribute => _html.Append("&quot;"),
                _ => _html.Append(c),
            };
        }
    }
}
