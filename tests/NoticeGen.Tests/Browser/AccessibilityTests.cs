using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace NoticeGen.Tests.Browser;

/// <summary>Every kind of page, checked in a real browser: axe finds no WCAG 2.2 A/AA violation, the keyboard works, and changes never rely on colour.</summary>
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Pages() => new()
    {
        "",                                  // index
        "websites/",                         // full notice, current
        "websites/california/",              // audience view
        "eself/illinois-texas/",             // unnumbered notice
        "websites/2025-01-01/",              // archived version
        "websites/draft/",                   // draft
        "websites/changes/2026-01-01/",      // redline
        "websites/europe/changes/draft/",    // draft redline
        "changes/",                          // site changelog
        "platform/california/changes/",      // page changelog
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_wcag_violations(string path)
    {
        var page = await browser.Open(path);
        await Axe.AssertNoViolations(page, path);
        await page.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_wcag_violations_in_dark_mode(string path)
    {
        var page = await browser.Open(path, o => o.ColorScheme = ColorScheme.Dark);
        // The dark palette must really apply, or this run would only repeat the light one.
        Assert.Equal("rgb(18, 18, 18)", await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).backgroundColor"));
        await Axe.AssertNoViolations(page, path + " (dark)");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_first_tab_shows_a_skip_link_that_moves_focus_to_the_main_content()
    {
        var page = await browser.Open("websites/california/");
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("document.activeElement.className");
        Assert.Equal("skip-link", focused);
        var box = await page.Locator(".skip-link").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.Y >= 0, "the focused skip link must be on screen");
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#ng-main", page.Url);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Focused_links_have_a_visible_outline()
    {
        var page = await browser.Open("websites/");
        await page.Locator("nav.toc a").First.FocusAsync();
        var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
        Assert.Equal("solid", outline);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Insertions_and_deletions_are_underlined_and_struck_through_not_only_coloured()
    {
        var page = await browser.Open("websites/changes/2026-01-01/");
        Assert.Contains("underline", await page.Locator(".redline-section ins").First.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"));
        Assert.Contains("line-through", await page.Locator(".redline-section del").First.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"));
        Assert.Equal("removed: ", await page.Locator(".redline-section del .visually-hidden").First.TextContentAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task Unchanged_sections_of_a_redline_open_without_javascript()
    {
        var page = await browser.Open("websites/changes/2026-01-01/", o => o.JavaScriptEnabled = false);
        var details = page.Locator("section#contact details");
        Assert.False(await page.Locator("section#contact details p").First.IsVisibleAsync());
        await details.Locator("summary").ClickAsync();
        Assert.True(await page.Locator("section#contact details p").First.IsVisibleAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_audience_switcher_works_without_javascript()
    {
        var page = await browser.Open("websites/", o => o.JavaScriptEnabled = false);
        await page.Locator("nav.audiences a", new() { HasText = "California residents" }).ClickAsync();
        Assert.Equal(browser.Url("websites/california/"), page.Url);
        Assert.Equal("California residents", await page.Locator("nav.audiences a[aria-current=page]").TextContentAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task Printing_hides_navigation_and_keeps_the_notice()
    {
        var page = await browser.Open("websites/california/");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("nav.audiences").IsVisibleAsync());
        Assert.False(await page.Locator("nav.toc").IsVisibleAsync());
        Assert.True(await page.Locator("article.notice").IsVisibleAsync());
        await page.CloseAsync();
    }
}
