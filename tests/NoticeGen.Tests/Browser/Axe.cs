using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace NoticeGen.Tests.Browser;

/// <summary>The accessibility check every browser test uses: axe-core with WCAG 2.2 A/AA and best-practice rules.</summary>
public static class Axe
{
    /// <summary>Runs axe on the page as it is (WCAG 2.2 A/AA and best practice) and fails with every violation found.</summary>
    public static async Task AssertNoViolations(IPage page, string name)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        var violations = results.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
        Assert.True(results.Violations.Length == 0, $"{name}:\n{string.Join("\n", violations)}");
        Assert.True(results.Passes.Length >= 20, $"axe checked only {results.Passes.Length} rules on {name}");
    }
}
