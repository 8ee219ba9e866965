namespace NoticeGen.Tests.Hostile;

/// <summary>
/// Markdown nested past what a reader could follow (and past what a recursive parser survives) is a located error,
/// never a stack overflow that kills the build without a word.
/// </summary>
public sealed class MarkdownNestingTests : IDisposable
{
    private readonly HostileSite _hostile = new();

    public void Dispose() => _hostile.Dispose();

    [Theory]
    [InlineData("> ")]
    [InlineData("- ")]
    [InlineData("* ")]
    [InlineData("1. ")]
    public void Twenty_thousand_markers_in_a_row_are_refused_at_their_line(string marker)
    {
        _hostile.WriteCoversBody("A first paragraph.\n\n" + string.Concat(Enumerable.Repeat(marker, 20_000)) + "deep");
        _hostile.Refused("content/covers.md:7:1: error: This line nests quotes or lists 33 deep, more than the 32 NoticeGen allows.", "[NG2007]");
    }

    [Fact]
    public void Lists_indented_a_level_per_line_are_refused()
    {
        // Each line is one level deeper by its indentation alone; Markdig would take seconds before giving up unlocated.
        _hostile.WriteCoversBody(string.Concat(Enumerable.Range(0, 1_000).Select(i => new string(' ', 2 * i) + "- level\n")));
        _hostile.Refused("content/covers.md:37:1: error: This line nests quotes or lists 33 deep, more than the 32 NoticeGen allows.", "[NG2007]");
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("![", "](x)")]
    [InlineData("*a ", "* ")]
    public void Inline_nesting_twenty_thousand_deep_is_refused(string open, string close)
    {
        // Below a first paragraph, so that the finding must name the line, not the file.
        _hostile.WriteCoversBody("A first paragraph.\n\n" + string.Concat(Enumerable.Repeat(open, 20_000)) + "x" + string.Concat(Enumerable.Repeat(close, 20_000)));
        _hostile.Refused($"content/covers.md:{_hostile.BodyLine + 2}:1: error: The Markdown of this line nests links, images, brackets or emphasis too deeply", "[NG2007]");
    }

    [Fact]
    public void Thirty_two_levels_of_quotes_still_build()
    {
        _hostile.WriteCoversBody(string.Concat(Enumerable.Repeat("> ", 32)) + "Quoted deep.");
        _hostile.Built();
        var quote = TestSupport.Html.Page(_hostile.Site, "web/").GetElementById("covers")!;
        Assert.Equal(32, quote.QuerySelectorAll("blockquote").Length);
        Assert.Contains("Quoted deep.", quote.TextContent);
    }
}
