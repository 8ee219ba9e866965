using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NoticeGen.Redline;
using Xunit.Abstractions;
using static NoticeGen.Tests.Redline.RedlineSupport;

namespace NoticeGen.Tests.Redline;

/// <summary>Changed passages as data for tools: one per changed heading, block or regrouped blocks, with kind, old and new text.</summary>
public sealed class RedlinePassageTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Each_kind_of_change_is_a_passage_with_its_old_and_new_text()
    {
        var diff = PageDiffer.Compare(
            Page(
                Section("a", "1. Sharing", "<p>We share data with partners.</p>\n<p>Read the <a href=\"https://x.example/terms\">Terms of Use</a>.</p>\n<p>We never sell data.</p>\n<p>This paragraph goes to the next section.</p>\n<p>Gone soon.</p>"),
                Section("b", "2. Transfers", "<p>We transfer data abroad. We use safeguards.</p>")),
            Page(
                Section("a", "1. Sharing", "<p>Brand new.</p>\n<p>We share personal data with partners.</p>\n<p>Read the <a href=\"https://y.example/terms\">Terms of Use</a>.</p>\n<p>We <strong>never</strong> sell data.</p>"),
                Section("b", "2. Transfers", "<p>This paragraph goes to the next section.</p>\n<p>We transfer data abroad.</p>\n<p>We use safeguards.</p>")));

        var data = diff.PassageData();

        Assert.Equal(
            [
                new PassageData("a", "added", null, "Brand new."),
                new PassageData("a", "words", "We share data with partners.", "We share personal data with partners."),
                new PassageData("a", "link", "Read the Terms of Use.", "Read the Terms of Use."),
                new PassageData("a", "formatting", "We never sell data.", "We never sell data."),
                new PassageData("a", "removed", "Gone soon.", null),
                new PassageData("b", "moved", "This paragraph goes to the next section.", "This paragraph goes to the next section."),
                new PassageData("b", "formatting", "We transfer data abroad. We use safeguards.", "We transfer data abroad.\nWe use safeguards."),
            ],
            data);

        // The same passages, with their HTML, are what changelogs quote.
        var passages = diff.ChangedBlocks();
        Assert.Equal(data.Select(d => (d.Section, d.Kind)), passages.Select(p => (p.SectionId, p.Change.ToString().ToLowerInvariant())));
        Assert.Equal(passages.Select(p => p.Html), diff.PassageData(html: true).Select(d => d.Html));
        Assert.All(passages, p => Assert.Equal(p.Html, Parse(p.Html).Body!.InnerHtml));
        Assert.Equal("This paragraph goes to the next section.", Visible(Parse(passages[5].Html).QuerySelector("p.moved")!).Split(") ", 2)[1]);
        Assert.Empty(Parse(passages[5].Html).QuerySelectorAll("a, [id]"));
    }

    [Fact]
    public void A_7000_word_rewrite_serialises_under_100_kb()
    {
        var old = SeedPages.Page(13, 218);
        var rewrite = SeedPages.ChangeWords(old, 0.3, seed: 11);
        Assert.InRange(SeedPages.Words(old), 7000, 7500);

        var diff = PageDiffer.Compare(old, rewrite);
        var data = diff.PassageData();
        var json = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(data, Json));
        var withHtml = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(diff.PassageData(html: true), Json));
        output.WriteLine($"{SeedPages.Words(old)} words, {diff.Summary.Describe()}");
        output.WriteLine($"{data.Count} passages: {json / 1000.0:F1} KB of JSON with old and new text, {withHtml / 1000.0:F1} KB with the HTML too");

        // Every block of the rewrite changed, so this is about all of the text twice, and nothing per token.
        Assert.True(data.Count > 150, $"{data.Count} passages");
        Assert.True(json < 100_000, $"{json} bytes");
        Assert.DoesNotContain("\"tokens\"", JsonSerializer.Serialize(data, Json), StringComparison.Ordinal);
    }
}
