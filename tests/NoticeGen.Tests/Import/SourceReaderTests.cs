using System.Text;
using NoticeGen.Import;

namespace NoticeGen.Tests.Import;

public sealed class SourceReaderTests
{
    [Fact]
    public void A_page_saved_in_windows_1252_keeps_its_curly_quotes_dashes_and_accents()
    {
        // Read as Latin-1, its quotes became the control characters U+0093 and U+0094, and the imported site did not build.
        var bytes = Encoding.Latin1.GetBytes("<h1>Privacy</h1><h2>Café</h2><p>We use \u0093cookies\u0094 \u0096 and \u0080 prices\u0085</p><h2>Contact</h2><p>Write.</p>");

        var page = SourceReader.Parse(bytes, "old.html", ".html");

        var section = Assert.Single(page.Notices).Sections[0];
        Assert.Equal("Café", section.Title);
        Assert.Equal("We use “cookies” – and € prices…", Assert.Single(section.Blocks).PlainText);
    }
}
