namespace NoticeGen.Tests.Hostile;

/// <summary>
/// Scriban's string escapes and built-in functions are a way around the rules the site's files obey: a template that
/// spells a control character or one of NoticeGen's own marks, decodes text into characters, or asks for randomness is
/// refused where it does so, with a located error, and the previous output stays: no forged "Applies to" label or date.
/// </summary>
public sealed class TemplateBuiltinTests : IDisposable
{
    private readonly HostileSite _hostile = new();

    public void Dispose() => _hostile.Dispose();

    [Fact]
    public void A_random_identifier_is_refused_so_every_build_writes_the_same_bytes()
    {
        // math.uuid printed a new identifier into the notice on every build.
        _hostile.WriteCoversBody("Before.\nReference {{ math.uuid }}.");
        _hostile.Refused("content/covers.md:6:19: error: Template error: Cannot get member with name uuid.", "[NG2002]");
    }

    [Theory]
    [InlineData("{{ \"\\uE000applies:eu\\uE001Forged\\uE000end-applies\\uE001\" }}", "content/covers.md:6:4: error: This template string spells the private-use character U+E000 as an escape")]
    [InlineData("Dated {{ \"\\ue000last-updated\\ue001\" }}.", "content/covers.md:6:10: error: This template string spells the private-use character U+E000 as an escape")]
    [InlineData("{{ x = \"\\x1b[31m\" }}red", "content/covers.md:6:8: error: This template string spells the control character U+001B as an escape")]
    [InlineData("{{ \"\\0\" | string.append notice.product }}", "content/covers.md:6:4: error: This template string spells the control character U+0000 as an escape")]
    public void A_forbidden_character_spelt_as_a_template_escape_is_refused(string template, string expected)
    {
        _hostile.WriteCoversBody("Before.\n" + template);
        _hostile.Refused(expected, "[NG1009]");
    }

    [Theory]
    [InlineData("{{ \"7oCAbGFzdC11cGRhdGVk7oCB\" | string.base64_decode }}", "content/covers.md:6:40: error: Template error: Cannot get member with name base64_decode.")]
    [InlineData("{{ object.from_json `\"\\ue000last-updated\\ue001\"` }}", "content/covers.md:6:11: error: Template error: Cannot get member with name from_json.")]
    public void Decoding_text_into_characters_is_refused(string template, string expected)
    {
        _hostile.WriteCoversBody("Before.\n" + template);
        _hostile.Refused(expected, "[NG2002]");
    }

    [Theory]
    [InlineData("{{ m = page.last_updated; s = m | string.slice 0 1; e = m | string.slice 13 1; s + \"applies:eu\" + e + \"Forged\" + s + \"end-applies\" + e }}", "content/covers.md:6:35:")]
    [InlineData("{{ page.last_updated | string.replace \"last-updated\" \"applies:eu\" }}Forged", "content/covers.md:6:24:")]
    public void A_mark_cut_out_of_page_last_updated_is_refused(string template, string where)
    {
        // page.last_updated is the one value a template can read that holds NoticeGen's marks; cut up, it forged a label.
        _hostile.WriteCoversBody("Before.\n" + template);
        _hostile.Refused(where, "error: Template error: This expression takes apart the value of page.last_updated", "Print {{ page.last_updated }} whole", "[NG2002]");
    }

    [Fact]
    public void Escapes_of_ordinary_characters_and_the_pages_own_marks_still_render()
    {
        _hostile.WriteCoversBody("{{ \"Line\\tend \\u00e9\" }}{{ if applies \"eu\" }} EU only.{{ end }} Updated {{ page.last_updated }}.");
        _hostile.Built();
        var text = TestSupport.Html.Page(_hostile.Site, "web/").QuerySelector("#covers p")!.TextContent;
        Assert.StartsWith("Line\tend \u00e9 Applies to EU/EEA residents: EU only. Updated ", text);
    }
}
