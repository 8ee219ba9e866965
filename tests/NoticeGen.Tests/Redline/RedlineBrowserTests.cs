using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NoticeGen.Tests.Browser;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Redline;

/// <summary>
/// The sample with a draft that has every kind of change the redline marks (a link's new target, bold, a paragraph and a
/// section moved, a sub-heading, a paragraph split), built and served, and Debian's Chromium reading its draft redline.
/// </summary>
public sealed class RedlineBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private StaticServer? _server;

    public TempSite Site { get; } = TempSite.Sample();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(BrowserFixture.ChromiumPath), $"Browser tests need Debian's Chromium at {BrowserFixture.ChromiumPath}: run 'apt-get install -y chromium'.");
        Site.Replace("content/fragments/websites/websites-covers.md", "(notice:platform ", "(notice:eself ");
        Site.Replace("content/fragments/websites/websites-disclosure.md", "We do not sell,", "We **do not sell**,");
        var paragraph = Site.Read("content/fragments/websites/websites-disclosure.md").Split("\n\n")[^1].Trim();
        Site.Replace("content/fragments/websites/websites-disclosure.md", "\n\n" + paragraph, string.Empty);
        Site.Write("content/fragments/websites/websites-cookies.md", Site.Read("content/fragments/websites/websites-cookies.md").TrimEnd() + "\n\n" + paragraph + "\n");
        Site.Replace("content/fragments/websites/websites-collection.md", "- When you visit the Kaltura Websites", "### Visits and sign-ups\n\n- When you visit the Kaltura Websites");
        Site.Replace("content/fragments/websites/websites-collection.md", "is not mandatory. However,", "is not mandatory.\n\nHowever,");
        Site.Replace("site.yml", "      - websites-children\n      - websites-cookies\n", "      - websites-cookies\n      - websites-children\n");
        TestSupport.Cli.Build(Site, "--now", "2026-11-26", "--drafts");
        _server = new StaticServer(Site.Out);
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.Launch(_playwright);
    }

    public async Task<IPage> Open(string path)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1024, Height = 768 } });
        await page.GotoAsync(_server!.BaseUrl + path);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        _server?.Dispose();
        Site.Dispose();
    }
}

/// <summary>The new marks of a redline in a real browser: axe finds no WCAG 2.2 A/AA violation, and the move links lead both ways.</summary>
public sealed class RedlineBrowserTests(RedlineBrowserFixture browser) : IClassFixture<RedlineBrowserFixture>
{
    private const string Redline = "websites/changes/draft/";

    [Fact]
    public async Task A_redline_with_link_formatting_and_move_marks_has_no_wcag_violations()
    {
        var page = await browser.Open(Redline);
        Assert.Equal(1, await page.Locator(".redline-mark[data-mark=link]").CountAsync());
        Assert.Equal(2, await page.Locator(".redline-mark[data-mark=formatting]").CountAsync());
        Assert.Equal(2, await page.Locator("[data-moved-to]").CountAsync());
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        var violations = results.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
        Assert.True(results.Violations.Length == 0, string.Join("\n", violations));
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_note_where_a_paragraph_stood_leads_to_it_and_its_note_leads_back()
    {
        var page = await browser.Open(Redline);
        var away = page.Locator("section#websites-disclosure p.moved-away");
        Assert.StartsWith("(moved to section ", await away.TextContentAsync());
        await away.Locator("a").ClickAsync();
        Assert.EndsWith("#ng-move-1", page.Url);
        var note = page.Locator("#ng-move-1");
        Assert.True(await note.IsVisibleAsync());
        Assert.StartsWith("(moved from section 8", await note.TextContentAsync());
        Assert.Equal("websites-cookies", await note.EvaluateAsync<string>("e => e.closest('section').id"));
        await note.Locator("a").ClickAsync();
        Assert.EndsWith("#ng-move-1-from", page.Url);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Notes_are_text_in_the_muted_colour_with_enough_contrast_and_link_targets_wrap()
    {
        var page = await browser.Open(Redline);
        var mark = page.Locator(".redline-mark[data-mark=link]");
        Assert.Contains("link changed:", await mark.TextContentAsync());
        Assert.Equal("rgb(74, 74, 74)", await mark.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        Assert.Equal("anywhere", await mark.Locator(".redline-target").First.EvaluateAsync<string>("e => getComputedStyle(e).overflowWrap"));
        await page.CloseAsync();
    }
}
