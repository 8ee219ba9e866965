using Microsoft.Playwright;

namespace NoticeGen.Tests.Browser;

/// <summary>
/// How the sample's pages look on a phone and a desktop, light and dark: screenshots for people (see
/// <see cref="Screenshots"/>), and the layout promises a reader would notice broken checked in the browser.
/// </summary>
public sealed class ReaderLayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 390;

    public static TheoryData<string, string> Shots() => new()
    {
        { "notice", "websites/" },
        { "redline", "websites/changes/2026-01-01/" },
        { "index", "" },
    };

    [Theory]
    [MemberData(nameof(Shots))]
    public async Task Phone_and_desktop_screenshots_in_light_and_dark_never_scroll_sideways(string name, string path)
    {
        foreach (var (device, width, height) in new[] { ("phone", PhoneWidth, 844), ("desktop", 1280, 900) })
        {
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                var page = await browser.Open(path, o =>
                {
                    o.ViewportSize = new ViewportSize { Width = width, Height = height };
                    o.ColorScheme = scheme;
                });
                Assert.True(
                    await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
                    $"{path} is wider than the {device} screen ({scheme})");
                await Screenshots.Take(page, name, device + (scheme == ColorScheme.Dark ? "-dark" : string.Empty));
                await page.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task On_a_phone_each_permalink_stays_beside_the_last_line_of_its_heading()
    {
        var page = await browser.Open("websites/", o => o.ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 844 });
        var misplaced = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.section-head')].flatMap(head => {
              const lines = [...head.querySelector('h2').getClientRects()];
              const last = lines[lines.length - 1];
              const link = head.querySelector('.permalink').getBoundingClientRect();
              const middle = (link.top + link.bottom) / 2;
              return middle >= last.top && middle <= last.bottom ? [] : [head.querySelector('h2').textContent];
            })
            """);
        Assert.Empty(misplaced);
        var wrapped = await page.EvaluateAsync<int>("[...document.querySelectorAll('.section-head h2')].filter(h => h.getClientRects().length > 1).length");
        Assert.True(wrapped >= 3, $"only {wrapped} headings wrap on a phone: the check above proves little");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_title_fits_a_phone_and_secondary_headings_sit_below_the_legal_sections()
    {
        var page = await browser.Open("websites/", o => o.ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 844 });
        var title = await page.Locator("h1").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.InRange(title, 24, 30);
        var section = await page.Locator("article.notice section h2").First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        foreach (var secondary in new[] { "#ng-versions-title", "#ng-toc-title" })
        {
            var size = await page.Locator(secondary).EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
            Assert.True(size < section, $"{secondary} is {size}px, the legal sections' headings {section}px");
        }

        await page.CloseAsync();
    }

    [Fact]
    public async Task A_printed_redline_shows_every_section_and_drops_screen_only_instructions()
    {
        var page = await browser.Open("websites/changes/2026-01-01/");
        Assert.True(await page.Locator(".legend .screen-only").IsVisibleAsync());
        Assert.False(await page.Locator(".legend .print-only").IsVisibleAsync());
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator(".legend .screen-only").IsVisibleAsync());
        Assert.True(await page.Locator(".legend .print-only").IsVisibleAsync());
        Assert.False(await page.Locator(".redline-links").IsVisibleAsync());
        Assert.False(await page.Locator(".redline-section summary").First.IsVisibleAsync());
        Assert.True(await page.Locator("section#contact details p").First.IsVisibleAsync());
        Assert.DoesNotContain("open them", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.CloseAsync();
    }
}
