using System.Text;
using System.Text.RegularExpressions;
using NoticeGen.Check;

namespace NoticeGen.Import;

/// <summary>
/// Reads a source file into the neutral model, choosing the reader by extension (.html, .md, else plain text; a file that
/// starts like HTML is HTML). Files that cannot be a page (empty, binary, unreadable) are located errors.
/// </summary>
public static partial class SourceReader
{
    public static SourcePage Read(string path, string display)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException(Codes.ImportSource.At(SourceSpan.StartOf(display), $"The file cannot be read: {ex.Message.TrimEnd('.')}.",
                "Check the path and that you may read the file."));
        }

        return Parse(bytes, display, Path.GetExtension(path));
    }

    public static SourcePage Parse(byte[] bytes, string display, string extension)
    {
        var text = Decode(bytes, display);
        if (text.Trim().Length == 0)
        {
            throw new UserErrorException(Codes.ImportSource.At(SourceSpan.StartOf(display), "The file is empty.",
                "Save the page again (as HTML, Markdown or text) and import that file."));
        }

        var format = FormatOf(extension, text);
        return format switch
        {
            SourceFormat.Html => HtmlPageReader.Read(display, text),
            SourceFormat.Markdown => MarkdownPageReader.Read(display, text),
            _ => TextPageReader.Read(display, text),
        };
    }

    public static SourceFormat FormatOf(string extension, string text)
    {
        switch (extension.ToLowerInvariant())
        {
            case ".html" or ".htm" or ".xhtml":
                return SourceFormat.Html;
            case ".md" or ".markdown" or ".mdown" or ".mkd":
                return SourceFormat.Markdown;
        }

        var start = text.TrimStart().ToLowerInvariant();
        return start.StartsWith("<!doctype html", StringComparison.Ordinal) || start.StartsWith("<html", StringComparison.Ordinal)
            ? SourceFormat.Html
            : SourceFormat.Text;
    }

    /// <summary>UTF-8 (or UTF-16 with its byte order mark); a NUL or a run of control bytes means the file is no text at all.</summary>
    private static string Decode(byte[] bytes, string display)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true).ReadToEnd();
        }

        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, 64 * 1024));
        var nul = sample.IndexOf((byte)0);
        var controls = 0;
        foreach (var b in sample)
        {
            controls += b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C) ? 1 : 0;
        }

        if (nul >= 0 || controls > sample.Length / 100 + 8)
        {
            var at = nul >= 0 ? nul : sample.IndexOfAnyExcept(Enumerable.Range(0x20, 0xE0).Select(i => (byte)i).Concat("\n\r\t\f"u8.ToArray()).ToArray());
            var before = Encoding.Latin1.GetString(bytes, 0, Math.Max(0, at));
            var where = SourceSpan.At(display, before + " ", before.Length);
            throw new UserErrorException(Codes.FileEncoding.At(where, $"This is not a text file: it holds binary data (byte {at + 1}).",
                "Import the page saved as HTML, Markdown or plain text (not a PDF, Word file or image); for a Word file, save it as web page or text first."));
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: the encoding the page declares (a Polish page in ISO-8859-2, a Russian one in Windows-1251), else
            // Windows-1252, which older pages were saved in: its letters are Latin-1's, but 0x80-0x9F are curly quotes,
            // dashes and the euro sign, not Latin-1's invisible control characters (which the build refuses). The runtime's
            // code pages know them; the provider is asked directly, not registered for the whole process.
            return (Declared(bytes) ?? CodePagesEncodingProvider.Instance.GetEncoding(1252)!).GetString(bytes);
        }
    }

    /// <summary>
    /// The encoding a page names in its first 1,024 bytes, as a browser finds it: &lt;meta charset="…"&gt;, or the charset of
    /// &lt;meta http-equiv="Content-Type" content="text/html; charset=…"&gt;. As in browsers, the Latin-1 and ASCII labels mean
    /// Windows-1252, and a page that says UTF-8 but is not is read as Windows-1252 too. Null when it names none the runtime has.
    /// </summary>
    private static Encoding? Declared(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
        if (Charset().Match(head) is not { Success: true } match)
        {
            return null;
        }

        var label = match.Groups[1].Value.Trim().ToLowerInvariant();
        if (label is "utf-8" or "utf8" or "unicode-1-1-utf-8" or "iso-8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "iso8859-1" or "cp1252")
        {
            return null;
        }

        return CodePagesEncodingProvider.Instance.GetEncoding(label) is { } encoding && encoding.CodePage != 65001 ? encoding : null;
    }

    [GeneratedRegex(@"<meta\b[^>]*?\bcharset\s*=\s*[""']?\s*([A-Za-z0-9_:.+-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Charset();
}
