using NoticeGen.Check;
using NoticeGen.Serve;

namespace NoticeGen.Tests.Serve;

/// <summary>What serve adds to a page as it sends it: the reload script always, the overlay only while the latest build failed.</summary>
public sealed class PageInjectionTests
{
    private const string Page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>T</title>\n</head>\n<body>\n<main><p>Text</p></main>\n</body>\n</html>\n";

    [Fact]
    public void A_good_build_gets_only_the_reload_script_just_before_the_end_of_the_body()
    {
        var html = PageInjection.Inject(Page, new ServeState("abc-2", "/x", []));
        Assert.Contains("<main><p>Text</p></main>\n<script src=\"/__noticegen/reload.js\" data-events=\"/__noticegen/events\" data-build=\"abc-2\"></script>\n</body>", html);
        Assert.DoesNotContain("ng-serve-overlay", html);
        Assert.DoesNotContain("overlay.css", html);
    }

    [Fact]
    public void A_failed_build_lists_each_error_where_it_is_what_is_wrong_and_the_fix_escaped()
    {
        var error = Codes.UnknownName.At(new SourceSpan("content/a <b>.md", 7, 3), "No section 'x<script>'.", "Use an id from front matter & try again.");
        var html = PageInjection.Inject(Page, new ServeState("abc-3", "/x", [error]));
        Assert.Contains("<link rel=\"stylesheet\" href=\"/__noticegen/overlay.css\">\n</head>", html);
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("The build failed: 1 error", html);
        Assert.Contains("content/a &lt;b&gt;.md:7:3", html);
        Assert.Contains("No section &#39;x&lt;script&gt;&#39;.", html);
        Assert.Contains("Use an id from front matter &amp; try again.", html);
        Assert.DoesNotContain("x<script>", html);
        Assert.Contains("<button type=\"submit\">Close</button>", html);
        Assert.Contains("This page is from the last build that succeeded.", html);

        // The overlay comes before the script, both inside the body, after the page's own content.
        var overlay = html.IndexOf("<dialog", StringComparison.Ordinal);
        Assert.True(html.IndexOf("</main>", StringComparison.Ordinal) < overlay && overlay < html.IndexOf("reload.js", StringComparison.Ordinal));
    }

    [Fact]
    public void Past_fifty_errors_the_overlay_says_how_many_more_the_terminal_lists()
    {
        var errors = Enumerable.Range(1, 53).Select(i => Codes.UnknownName.At(new SourceSpan("site.yml", i, 1), $"Error {i}.", string.Empty)).ToList();
        var html = PageInjection.Inject(Page, new ServeState("abc-4", null, errors));
        Assert.Contains("The build failed: 53 errors", html);
        Assert.Contains("site.yml:50:1", html);
        Assert.DoesNotContain("site.yml:51:1", html);
        Assert.Contains("And 3 more", html);
        Assert.Contains("Nothing has built yet", html);
    }

    [Fact]
    public void A_page_without_a_body_tag_still_gets_the_script_at_its_end()
    {
        var html = PageInjection.Inject("<p>bare</p>", new ServeState("s-1", "/x", []));
        Assert.StartsWith("<p>bare</p><script src=\"/__noticegen/reload.js\"", html);
    }
}
