using Microsoft.Playwright;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Browser;

/// <summary>
/// A site with 60 audiences: the switcher is one closed line above the notice, opens without JavaScript on the audiences
/// grouped by region, and still leads to every audience's page; the wide table and long word stay inside a phone's width.
/// </summary>
public sealed class ManyAudiencesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly TempSite _site = ManyAudiencesSite.Create();

    private StaticServer? _server;

    [Fact]
    public async Task The_switcher_collapses_into_groups_and_works_without_javascript()
    {
        var page = await Open("websites/", 1280, 900, javaScript: false);
        var picker = page.Locator("nav.audiences details.audience-picker");
        Assert.Equal(1, await picker.CountAsync());
        Assert.Null(await picker.GetAttributeAsync("open"));
        Assert.Contains("Full notice (everyone)", await picker.Locator("summary").InnerTextAsync());
        Assert.False(await page.Locator("nav.audiences a", new() { HasText = ManyAudiencesSite.AudienceName(0) }).IsVisibleAsync());

        // Closed, the switcher takes a line or two above the notice, not a wall of 61 links.
        var closed = await page.Locator("nav.audiences").BoundingBoxAsync();
        Assert.True(closed!.Height < 100, $"the closed switcher is {closed.Height}px high");

        await picker.Locator("summary").ClickAsync();
        var groups = await page.Locator(".audience-group-name").AllInnerTextsAsync();
        Assert.Equal(ManyAudiencesSite.Regions.Select(r => r.Region), groups);
        Assert.Equal(ManyAudiencesSite.Audiences + 1, await page.Locator("nav.audiences a").CountAsync());
        var europe = page.Locator(".audience-group", new() { Has = page.Locator(".audience-group-name", new() { HasText = "Europe" }) });
        Assert.Equal(12, await europe.Locator("a").CountAsync());

        var target = ManyAudiencesSite.AudienceName(45);
        await page.Locator("nav.audiences a", new() { HasText = target }).ClickAsync();
        Assert.Equal(Url("websites/region-46/"), page.Url);
        Assert.Contains(target, await page.Locator("nav.audiences summary").InnerTextAsync());
        await page.Locator("nav.audiences summary").ClickAsync();
        Assert.Equal(target, await page.Locator("nav.audiences a[aria-current=page]").InnerTextAsync());
        await page.CloseAsync();
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Axe_finds_no_violations_with_the_switcher_open(ColorScheme scheme)
    {
        var page = await Open("websites/", 1280, 900, javaScript: true, scheme);
        await page.Locator("nav.audiences summary").ClickAsync();
        await Axe.AssertNoViolations(page, "websites/ (60 audiences, " + scheme + ")");
        await page.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_page_never_scrolls_sideways_and_the_table_scrolls_instead()
    {
        var page = await Open("websites/", 390, 844, javaScript: true);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than the phone");
        var table = page.Locator("article.notice table").First;
        Assert.True(await table.EvaluateAsync<bool>("t => t.scrollWidth > t.clientWidth"), "the wide table should scroll inside itself");
        Assert.Equal("1px", await table.Locator("th").First.EvaluateAsync<string>("e => getComputedStyle(e).borderTopWidth"));
        Assert.Equal("center", await table.Locator("th").Nth(1).EvaluateAsync<string>("e => getComputedStyle(e).textAlign"));
        Assert.Equal("right", await table.Locator("td").Nth(2).EvaluateAsync<string>("e => getComputedStyle(e).textAlign"));

        await Screenshots.Take(page, "many-audiences-table", "phone");
        await page.CloseAsync();
    }

    public void Dispose()
    {
        _server?.Dispose();
        _site.Dispose();
    }

    private async Task<IPage> Open(string path, int width, int height, bool javaScript, ColorScheme scheme = ColorScheme.Light)
    {
        if (_server is null)
        {
            TestSupport.Cli.Build(_site, "--now", "2026-11-26");
            _server = new StaticServer(_site.Out);
        }

        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            ColorScheme = scheme,
        });
        await page.GotoAsync(Url(path));
        return page;
    }

    private string Url(string path) => _server!.BaseUrl + path;
}
