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

    [Theory]
    [InlineData("windows-1251", "<meta charset=\"windows-1251\">", "Политика конфиденциальности", "Мы не продаём ваши данные.")]
    [InlineData("iso-8859-2", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">", "Polityka prywatności", "Siedziba w Łodzi, ul. Źródlana.")]
    [InlineData("shift_jis", "<META CHARSET='Shift_JIS'>", "個人情報保護方針", "当社は個人情報を販売しません。")]
    public void A_page_that_is_not_utf_8_is_read_in_the_encoding_it_declares(string encoding, string meta, string heading, string text)
    {
        // Read as Windows-1252, every letter outside Latin-1 came out as a run of accented gibberish.
        var codePages = CodePagesEncodingProvider.Instance;
        var bytes = codePages.GetEncoding(encoding)!.GetBytes($"<html><head>{meta}<title>x</title></head><body><h1>Privacy</h1><h2>{heading}</h2><p>{text}</p><h2>Contact</h2><p>Write.</p></body></html>");

        var page = SourceReader.Parse(bytes, "old.html", ".html");

        var section = Assert.Single(page.Notices).Sections[0];
        Assert.Equal(heading, section.Title);
        Assert.Equal(text, Assert.Single(section.Blocks).PlainText);
    }

    [Fact]
    public void A_page_that_says_latin_1_or_utf_8_but_is_not_utf_8_is_read_as_windows_1252()
    {
        foreach (var meta in new[] { "<meta charset=\"iso-8859-1\">", "<meta charset=\"utf-8\">" })
        {
            var bytes = Encoding.Latin1.GetBytes($"<html><head>{meta}</head><body><h1>Privacy</h1><h2>Café</h2><p>We use \u0093cookies\u0094.</p><h2>Contact</h2><p>Write.</p></body></html>");

            var section = Assert.Single(SourceReader.Parse(bytes, "old.html", ".html").Notices).Sections[0];

            Assert.Equal("We use “cookies”.", Assert.Single(section.Blocks).PlainText);
        }
    }
}
