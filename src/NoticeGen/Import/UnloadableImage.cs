using System.Text.RegularExpressions;
using NoticeGen.Check;

namespace NoticeGen.Import;

/// <summary>
/// An image whose address the imported site cannot load: the import does not copy image files, so only a full web
/// address works. HTML and Markdown sources both put its alt text in its place (or nothing) and list it with this note.
/// </summary>
internal static partial class UnloadableImage
{
    /// <summary>Whether an image address is a full web address, which the built site loads as it stands.</summary>
    public static bool IsWebAddress(string url) => WebAddress().IsMatch(url);

    /// <summary>The note for an image at <paramref name="src"/>: left out without alt text, else replaced by it.</summary>
    public static ImportNote Note(SourceSpan where, string src, string alt)
    {
        var shown = HtmlPageReader.Shorten(src);
        return alt.Length == 0
            ? new ImportNote(NoteKind.LeftOut, where,
                $"The image '{shown}' has no address the imported site can load (the import does not copy image files) and no alt text, so it was left out. Put the image under content/assets/ and add it as ![description](assets/NAME), or use its full address (https://...).")
            : new ImportNote(NoteKind.Check, where,
                $"The image “{HtmlPageReader.Shorten(alt)}” ('{shown}') has no address the imported site can load (the import does not copy image files), so its alt text was kept in its place. Put the image under content/assets/ and write ![{HtmlPageReader.Shorten(alt)}](assets/NAME) instead, or use its full address (https://...).");
    }

    [GeneratedRegex(@"^https?://[^/?#\s]", RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();
}
