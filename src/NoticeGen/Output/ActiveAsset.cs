using System.Xml;

namespace NoticeGen.Output;

/// <summary>
/// What in a file of content/assets/ a browser would run, opened at its address on the site: published, it would run
/// with the notices' own origin, which no fragment's text can do (raw HTML and unsafe links are shown as text).
/// </summary>
public static class ActiveAsset
{
    /// <summary>Files a browser shows as a page (which can hold scripts) or runs as a script.</summary>
    private static readonly HashSet<string> PageOrScript = new(StringComparer.OrdinalIgnoreCase)
    {
        ".html", ".htm", ".xhtml", ".xht", ".shtml", ".xml", ".xsl", ".xslt", ".js", ".mjs", ".svgz", ".swf",
    };

    /// <summary>Elements of an SVG image that run code or embed a document that can.</summary>
    private static readonly HashSet<string> ActiveElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "foreignObject", "iframe", "object", "embed", "handler", "listener",
    };

    /// <summary>What would run, as the rest of a sentence about the file ("holds a &lt;script&gt; element, ..."); null when the file is an inert one (an image, a PDF, an SVG without code).</summary>
    public static string? Find(string path, byte[] bytes)
    {
        var extension = Path.GetExtension(path);
        if (PageOrScript.Contains(extension))
        {
            return $"is a {extension} file, which a browser runs as a page or a script";
        }

        return extension.Equals(".svg", StringComparison.OrdinalIgnoreCase) ? InSvg(bytes) : null;
    }

    /// <summary>
    /// Reads the SVG as XML, as a browser does (entities decoded, so an encoded 'jav&amp;#x61;script:' is seen as what it
    /// is), without its DTD: an image that cannot be read that way is refused rather than guessed at.
    /// </summary>
    private static string? InSvg(byte[] bytes)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersInDocument = 10_000_000 };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (ActiveElements.Contains(reader.LocalName))
                {
                    return $"holds a <{reader.LocalName}> element, which runs code when the image is opened";
                }

                while (reader.MoveToNextAttribute())
                {
                    if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    {
                        return $"holds an event handler ({reader.Name}=), which runs code when the image is opened";
                    }

                    if (RunsCode(reader.Value))
                    {
                        return $"holds a script address ({reader.Name}=\"{reader.Value.Trim()}\"), which runs code when the image is opened";
                    }
                }
            }
        }
        catch (XmlException ex)
        {
            return $"cannot be read as SVG ({ex.Message.TrimEnd('.')}), so what it would run when opened cannot be told";
        }

        return null;
    }

    /// <summary>Whether a value is a javascript: or vbscript: address, read as a browser reads one (whitespace and controls dropped).</summary>
    private static bool RunsCode(string value)
    {
        var compact = string.Concat(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)));
        return compact.Contains("javascript:", StringComparison.OrdinalIgnoreCase) || compact.Contains("vbscript:", StringComparison.OrdinalIgnoreCase);
    }
}
