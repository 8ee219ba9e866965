using System.Text.RegularExpressions;
using NoticeGen.Redline;
using static NoticeGen.Tests.Redline.RedlineSupport;

namespace NoticeGen.Tests.Redline;

public sealed partial class RedlineTextTests
{
    private static readonly PageDiff Diff = PageDiffer.Compare(
        Page(
            Section("a", "1. Alpha", "<p>Unchanged paragraph stays out.</p>\n<p>The quick brown fox jumps.</p>"),
            Section("b", "2. Beta", "<p>Nothing changes here.</p>"),
            Section("c", "3. Gamma", "<ul>\n<li>one</li>\n</ul>\n<p>Visit <a href=\"https://example.com/old\">our site</a>.</p>")),
        Page(
            Section("a", "1. Alpha", "<p>Unchanged paragraph stays out.</p>\n<p>The quick red fox jumps.</p>"),
            Section("b", "2. Beta", "<p>Nothing changes here.</p>"),
            Section("c", "3. Gamma", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p>Visit <a href=\"https://example.com/new\">our site</a>.</p>")));

    [Fact]
    public void Plain_text_shows_changed_blocks_with_markers()
    {
        Assert.Equal(
            "## 1. Alpha (changed)\n" +
            "The quick [-brown-]{+red+} fox jumps.\n" +
            "\n## 3. Gamma (changed)\n" +
            "- {+two+}\n" +
            "Visit our site [link changed: <https://example.com/old> → <https://example.com/new>].\n",
            RedlineText.Render(Diff, color: false));
    }

    [Fact]
    public void Colour_adds_red_and_green_around_the_same_markers()
    {
        var colored = RedlineText.Render(Diff, color: true);

        Assert.Contains("\u001b[31m[-brown-]\u001b[0m", colored, StringComparison.Ordinal);
        Assert.Contains("\u001b[32m{+red+}\u001b[0m", colored, StringComparison.Ordinal);
        Assert.Contains("\u001b[36m [link changed: <https://example.com/old> → <https://example.com/new>]\u001b[0m", colored, StringComparison.Ordinal);
        Assert.Equal(RedlineText.Render(Diff, color: false), Ansi().Replace(colored, string.Empty));
        Assert.DoesNotContain('\u001b', RedlineText.Render(Diff, color: false));
    }

    [Fact]
    public void Added_and_removed_sections_are_marked_whole()
    {
        var diff = PageDiffer.Compare(
            Page(Section("gone", "Gone", "<p>Old words.</p>")),
            Page(Section("new", "New", "<h3>Sub heading</h3>\n<p>New words.</p>")));

        Assert.Equal(
            "## [-Gone-] (section removed)\n[-Old words.-]\n\n## {+New+} (new section)\n### {+Sub heading+}\n{+New words.+}\n",
            RedlineText.Render(diff, color: false));
    }

    [Fact]
    public void No_changes_render_as_nothing()
    {
        var page = Page(Section("a", "A", "<p>Text.</p>"));
        Assert.Equal(string.Empty, RedlineText.Render(PageDiffer.Compare(page, page), color: false));
    }

    [GeneratedRegex("\u001b\\[[0-9;]*m")]
    private static partial Regex Ansi();
}
