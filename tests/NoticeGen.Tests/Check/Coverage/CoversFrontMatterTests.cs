using NoticeGen.Check;
using NoticeGen.Load;

namespace NoticeGen.Tests.Check.Coverage;

/// <summary>A fragment's <c>covers:</c> is read like <c>jurisdictions:</c>, keeping where each topic is written for the check's errors.</summary>
public sealed class CoversFrontMatterTests
{
    private static readonly HashSet<string> Jurisdictions = ["eu"];

    [Fact]
    public void Covers_lists_the_topics_with_where_each_is_written()
    {
        var fragment = FragmentParser.Parse("---\nid: rights\ntitle: Your rights\ncovers: [rights.access, retention]\n---\nText\n", "r.md", Jurisdictions);
        Assert.Equal(["rights.access", "retention"], fragment.Covers.Select(c => c.Value));
        Assert.Equal(["r.md:4:10", "r.md:4:25"], fragment.Covers.Select(c => c.Where.ToString()));
    }

    [Theory]
    [InlineData("---\nid: a\n---\nText\n", new string[0])]
    [InlineData("---\nid: a\ncovers: retention\n---\nText\n", new[] { "retention" })]
    [InlineData("---\nid: a\ncovers:\n  - purposes\n  - recipients\n---\nText\n", new[] { "purposes", "recipients" })]
    public void Covers_may_be_absent_one_word_or_a_block_list(string text, string[] expected)
    {
        Assert.Equal(expected, FragmentParser.Parse(text, "a.md", Jurisdictions).Covers.Select(c => c.Value));
    }

    [Fact]
    public void A_nested_entry_in_covers_is_a_located_error()
    {
        var error = Assert.Throws<UserErrorException>(() => FragmentParser.Parse("---\nid: a\ncovers: [retention, [purposes]]\n---\nText\n", "a.md", Jurisdictions));
        Assert.StartsWith("a.md:3:21: error: Each entry of 'covers' must be a single id.", Assert.Single(error.Diagnostics).ToString());
    }
}
