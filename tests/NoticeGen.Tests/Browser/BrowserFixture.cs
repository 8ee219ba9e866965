using Microsoft.Playwright;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Browser;

/// <summary>
/// The sample built with drafts, and Debian's Chromium driven by Playwright (never a downloaded browser).
/// .ci/run installs chromium; locally: apt-get install chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private StaticServer? _server;

    public TempSite Site { get; } = TempSite.Sample();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"Browser tests need Debian's Chromium at {ChromiumPath}: run 'apt-get install -y chromium' (.ci/run does).");
        TestSupport.Cli.Build(Site, "--now", "2026-11-26", "--drafts");
        _server = new StaticServer(Site.Out);
        _playwright = await Playwright.CreateAsync();
        Browser = await Launch(_playwright);
    }

    /// <summary>Debian's Chromium, headless, with nothing that reaches the network or needs a sandbox this machine lacks.</summary>
    public static Task<IBrowser> Launch(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

    public async Task<IPage> Open(string path, Action<BrowserNewPageOptions>? options = null)
    {
        var settings = new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1024, Height = 768 } };
        options?.Invoke(settings);
        var page = await Browser.NewPageAsync(settings);
        await page.GotoAsync(Url(path));
        return page;
    }

    public string Url(string path) => _server!.BaseUrl + path;

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
