using System.Text;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Hostile;

/// <summary>
/// Bytes a legal editor never meant to write (another encoding, NUL, megabytes) are refused at the place they are;
/// the ways editors on different systems do save text (a byte-order mark, CRLF, old-Mac CR) are read as the same text.
/// </summary>
public sealed class EncodingTests : IDisposable
{
    private readonly HostileSite _hostile = new();

    public void Dispose() => _hostile.Dispose();

    [Theory]
    [InlineData("Caf", "content/covers.md:6:4:")]
    [InlineData("D\u00e9j\u00e0 vu at the Caf", "content/covers.md:6:19:")] // the column counts characters, not bytes
    public void A_fragment_saved_as_Windows_1252_is_refused_at_the_byte(string before, string where)
    {
        var bytes = Encoding.UTF8.GetBytes(HostileSite.CoversFrontMatter + "First line.\n" + before)
            .Concat(new byte[] { 0xE9 }).Concat(" au lait.\n"u8.ToArray()).ToArray();
        _hostile.WriteBytes(HostileSite.Covers, bytes);
        _hostile.Refused(where + " error: This file is not UTF-8: byte 0xE9 here is not a character", "Save the file as UTF-8", "[NG1009]");
    }

    [Theory]
    [InlineData("content/covers.md", "---\nid: covers\ntitle: What this notice covers\n---\nThis policy\0 covers.\n", "content/covers.md:5:12:")]
    [InlineData("site.yml", null, "site.yml:2:13:")]
    public void A_NUL_byte_is_refused_at_its_place(string file, string? text, string where)
    {
        text ??= _hostile.Site.Read("site.yml").Replace("  title: Mini", "  title: Min\0i", StringComparison.Ordinal);
        Assert.Contains('\0', text);
        _hostile.WriteBytes(file, Encoding.UTF8.GetBytes(text));
        _hostile.Refused(where + " error: This file holds the control character U+0000 (NUL), which no reader can see.", "[NG1009]");
    }

    [Theory]
    [InlineData("\uE000applies:eu\uE001Forged\uE000end-applies\uE001", "content/covers.md:6:1:")]
    [InlineData("Dated \uE000last-updated\uE001.", "content/covers.md:6:7:")]
    public void NoticeGens_own_marks_written_in_the_text_are_refused_so_no_label_or_stamp_can_be_forged(string forged, string where)
    {
        _hostile.WriteCoversBody("Plain text.\n" + forged + "\n");
        _hostile.Refused(where + " error: This file holds the private-use character U+E000, which NoticeGen uses to mark passages and stamps", "[NG1009]");
    }

    [Fact]
    public void A_bidirectional_override_builds_with_a_warning_at_its_place()
    {
        // "Trojan Source": on screen the sentence ends "within 30 days", in the text it says "within 03 days"... reversed.
        _hostile.WriteCoversBody("We answer within \u202Esyad 03\u202C.");
        var result = _hostile.Built();
        Assert.Contains("content/covers.md:5:18: warning: An invisible RIGHT-TO-LEFT OVERRIDE (U+202E) reorders the text after it", result.Stderr);
        Assert.Contains("[NG2009]", result.Stderr);
    }

    [Fact]
    public void NoticeGens_own_marks_spelt_as_YAML_escapes_are_refused()
    {
        _hostile.Site.Replace("site.yml", "  title: Mini", "  title: \"Mini \\ue000last-updated\\ue001\"");
        _hostile.Refused("site.yml:2:10: error: This value spells the private-use character U+E000 as an escape", "[NG1009]");
    }

    [Theory]
    [InlineData("site.yml", "  title: Mini", "  title: \"Mini\\x1b[31m\"", "site.yml:2:10: error: This value spells the control character U+001B as an escape")]
    [InlineData("content/covers.md", "title: What this notice covers", "title: \"What\\0 this notice covers\"", "content/covers.md:3:8: error: This value spells the control character U+0000 as an escape")]
    [InlineData("content/web-intro.md", "id: web-intro", "id: web-intro\nparams:\n  bell: \"\\a\"", "content/web-intro.md:4:9: error: This value spells the control character U+0007 as an escape")]
    public void A_control_character_spelt_as_a_YAML_escape_is_refused(string file, string oldText, string newText, string expected)
    {
        _hostile.Site.Replace(file, oldText, newText);
        _hostile.Refused(expected, "[NG1009]");
    }

    [Fact]
    public void A_line_break_in_a_file_name_is_shown_escaped_so_the_finding_stays_one_line()
    {
        _hostile.WriteBytes("content/line\nbreak.md", Encoding.UTF8.GetBytes("---\nid: broken\n---\nA\0 NUL.\n"));
        _hostile.Refused("content/line\\nbreak.md:4:2: error: This file holds the control character U+0000 (NUL)", "[NG1009]");
    }

    [Fact]
    public void A_right_to_left_override_in_what_a_finding_quotes_is_shown_escaped_so_the_line_reads_as_written()
    {
        // Printed as it was, U+202E turned the rest of each line around on the terminal: "]5001GN[ ... srev:2:5:dm.srevoc".
        _hostile.Site.Replace(HostileSite.Covers, "id: covers", "id: cov\u202Eers");
        _hostile.WriteBytes("content/evil\u202Edm.txt.md", Encoding.UTF8.GetBytes("---\nid: evil\n---\nA\0 NUL.\n"));
        var result = _hostile.Refused(
            "content/covers.md:2:5: error: 'cov\\u202Eers' is not a valid fragment id.",
            "content/evil\\u202Edm.txt.md:4:2: error: This file holds the control character U+0000 (NUL)");
        Assert.DoesNotContain("\u202E", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16")]     // with its byte order mark, as Notepad writes it
    [InlineData("utf-16BE")]   // without one
    [InlineData("utf-32")]
    public void A_fragment_saved_as_UTF_16_or_32_is_named_as_such(string encoding)
    {
        // UTF-16 was reported as "byte 0xFF here is not a character (a file saved as Windows-1252 ...)", or as a NUL.
        var text = HostileSite.CoversFrontMatter + "Text.\n";
        var bytes = encoding == "utf-16BE" ? new UnicodeEncoding(bigEndian: true, byteOrderMark: false).GetBytes(text) : Encoding.GetEncoding(encoding).GetPreamble().Concat(Encoding.GetEncoding(encoding).GetBytes(text)).ToArray();
        _hostile.WriteBytes(HostileSite.Covers, bytes);
        var result = _hostile.Refused("content/covers.md:1:1: error: This file is saved as UTF-16 (or UTF-32), not UTF-8. Save the file as UTF-8 in your editor", "[NG1009]");
        Assert.DoesNotContain("Windows-1252", result.Stderr);
    }

    [Fact]
    public void A_fragment_of_several_megabytes_is_refused_naming_the_fragment()
    {
        var line = "This policy covers the use of personal information in great and repeated detail.\n";
        _hostile.WriteCoversBody(string.Concat(Enumerable.Repeat(line, 40_000)));
        var result = _hostile.Refused("content/covers.md:1:1: error: This file is 3.1 MB, more than the 1 MB a file may hold.", "[NG1009]");
        Assert.DoesNotContain("templates/", result.Stderr);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void A_byte_order_mark_and_CRLF_or_CR_line_ends_build_the_same_text(string newline)
    {
        var fragment = HostileSite.CoversFrontMatter + "First line of the \u00e9dition\nsecond line.\n\n- one\n- two\n";
        _hostile.WriteBytes(HostileSite.Covers, [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(fragment.Replace("\n", newline, StringComparison.Ordinal))]);
        var siteYml = _hostile.Site.Read("site.yml").Replace("\n", newline, StringComparison.Ordinal);
        _hostile.WriteBytes("site.yml", [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(siteYml)]);

        _hostile.Built();
        var page = Html.Page(_hostile.Site, "web/");
        var section = page.GetElementById("covers")!;
        Assert.Equal("1. What this notice covers", page.GetElementById("ng-title-covers")!.TextContent);
        Assert.Equal(["First line of the \u00e9dition second line.", "one", "two"], section.QuerySelectorAll("p, li").Select(e => Html.Text(e)));
        Assert.DoesNotContain('\r', section.InnerHtml);
        Assert.DoesNotContain('\uFEFF', page.DocumentElement.OuterHtml);
        Assert.Equal("Mini", page.Title!.Split(' ').Last());
    }
}
