using Microsoft.Playwright;

namespace NoticeGen.Tests.Browser;

/// <summary>
/// Full-page screenshots for people to look at, written to TestResults/screenshots/ under the test output folder
/// (tests/NoticeGen.Tests/bin/Release/net10.0/TestResults/screenshots/ for a Release run).
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>Saves the page as NAME-VARIANT.png and returns the file, which must not be empty.</summary>
    public static async Task<string> Take(IPage page, string name, string variant)
    {
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, $"{name}-{variant}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 1000, $"{file} is empty");
        return file;
    }
}
