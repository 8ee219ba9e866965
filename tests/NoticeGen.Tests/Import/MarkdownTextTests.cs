using CsCheck;
using NoticeGen.Import;

namespace NoticeGen.Tests.Import;

public sealed class MarkdownTextTests
{
    /// <summary>Whatever the text, its escaped form reads back (through Markdig, as NoticeGen renders) as the same words.</summary>
    [Fact]
    public void Escaped_text_reads_back_as_the_same_text()
    {
        var pieces = Gen.OneOf<string>("word", " ", "*", "_", "`", "[", "]", "(", ")", "<", ">", "#", "-", "+", "1.", "2)", "!", "&amp;", "&", "\\", "|", "~", "snake_case", "https://ex.com/a_b", "e@x.com", "=", ":", "\"");
        Gen.Select(pieces.Array[1, 12], p => string.Concat(p)).Sample(text =>
        {
            var expected = HtmlPageReaderCollapse(text);
            var actual = MarkdownPageReader.PlainText(MarkdownText.Paragraph(text));
            return expected == actual;
        }, iter: 2000);
    }

    private static string HtmlPageReaderCollapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
