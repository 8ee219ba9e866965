using NoticeGen.Check;
using NoticeGen.Load;

namespace NoticeGen.Tests.Load;

/// <summary>Front matter is split from the body without moving the body's line numbers.</summary>
public sealed class FragmentParserTests
{
    private static readonly HashSet<string> Jurisdictions = ["eu", "california"];

    [Fact]
    public void Reads_front_matter_and_keeps_the_bodys_line_numbers()
    {
        var fragment = FragmentParser.Parse("---\nid: contact\ntitle: Contact us\njurisdictions: [eu]\nparams:\n  hours: 9 to 5\n---\nLine eight.\n", "c.md", Jurisdictions);
        Assert.Equal("contact", fragment.Id);
        Assert.Equal("Contact us", fragment.Title);
        Assert.Equal(["eu"], fragment.Jurisdictions);
        Assert.Equal("9 to 5", Assert.Single(fragment.Params).Value);
        Assert.Equal("Line eight.", fragment.Template.Split('\n')[7]);
    }

    [Theory]
    [InlineData("No front matter here.\n", "c.md:1:1: error: This fragment has no front matter.")]
    [InlineData("---\ntitle: No id\n---\nText\n", "c.md:2:1: error: This fragment has no 'id'.")]
    [InlineData("---\nid: Contact Us\n---\nText\n", "c.md:2:5: error: 'Contact Us' is not a valid fragment id.")]
    [InlineData("---\nid: contact\nttle: Typo\n---\nText\n", "c.md:3:1: error: Unknown key 'ttle' in the front matter. Did you mean 'title'?")]
    [InlineData("---\nid: ng-main\n---\nText\n", "c.md:2:5: error: Fragment ids may not start with 'ng-': 'ng-main'.")]
    public void Explains_what_is_wrong_and_where(string text, string expected)
    {
        var error = Assert.Throws<UserErrorException>(() => FragmentParser.Parse(text, "c.md", Jurisdictions));
        Assert.StartsWith(expected, Assert.Single(error.Diagnostics).ToString());
    }
}
