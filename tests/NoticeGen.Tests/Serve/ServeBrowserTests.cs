using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NoticeGen.Tests.Browser;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Serve;

/// <summary>
/// What an editor sees in a browser left open on a served page: it reloads by itself after a save, a broken build
/// shows an accessible overlay over the last good page, and the overlay goes once the mistake is fixed.
/// </summary>
public sealed class ServeBrowserTests : IAsyncLifetime
{
    private const string DraftPage = "web/draft/";

    private readonly TempSite _site = TempSite.FromFixture("mini");
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(BrowserFixture.ChromiumPath), $"Browser tests need Debian's Chromium at {BrowserFixture.ChromiumPath}.");
        var release = TestSupport.Cli.Run("release", "--site", _site.Dir, "--effective", "2026-01-01", "--summary", "First release");
        Assert.True(release.ExitCode == 0, release.Stderr);
        _site.Replace("content/contact.md", "Write to", "Please write to");
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserFixture.Launch(_playwright);
    }

    [Fact]
    public async Task An_open_page_reloads_after_a_save_and_shows_then_drops_an_accessible_error_overlay()
    {
        await using var serve = await RunningServe.StartAsync(_site);
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1024, Height = 768 } });
        await page.GotoAsync(serve.Url + DraftPage);
        Assert.Contains("Please write to", await page.InnerTextAsync("main"));
        var wait = new PageWaitForFunctionOptions { Timeout = (float)RunningServe.Patience.TotalMilliseconds, PollingInterval = 100 };

        // No navigation by the test: the page reloads itself when the build it came from is replaced.
        _site.Replace("content/contact.md", "Please write to", "Kindly write to");
        await page.WaitForFunctionAsync("() => document.body.innerText.includes('Kindly write to')", null, wait);

        _site.Replace("content/ccpa.md", "[](#contact)", "[](#contcat)");
        await page.WaitForFunctionAsync("() => document.getElementById('ng-serve-overlay') !== null", null, wait);
        var overlay = page.Locator("#ng-serve-overlay");
        Assert.True(await overlay.IsVisibleAsync());
        Assert.Equal("alert", await overlay.Locator("[role=alert]").GetAttributeAsync("role"));
        Assert.Contains("content/ccpa.md:6:", await overlay.InnerTextAsync());
        Assert.Contains("Kindly write to", await page.InnerTextAsync("main"));

        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        var violations = results.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
        Assert.True(results.Violations.Length == 0, string.Join("\n", violations));

        // The keyboard reaches the close button, and Enter closes the panel.
        var close = overlay.GetByRole(AriaRole.Button, new() { Name = "Close" });
        await close.FocusAsync();
        Assert.Equal("BUTTON", await page.EvaluateAsync<string>("document.activeElement.tagName"));
        Assert.Equal("solid", await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        Assert.False(await overlay.IsVisibleAsync());

        _site.Replace("content/ccpa.md", "[](#contcat)", "[](#contact)");
        await page.WaitForFunctionAsync("() => document.getElementById('ng-serve-overlay') === null && document.readyState === 'complete'", null, wait);
        Assert.Contains("Kindly write to", await page.InnerTextAsync("main"));
        await page.CloseAsync();
        Assert.Equal(0, await serve.StopAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _site.Dispose();
    }
}
