using System.Diagnostics;
using System.Globalization;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.EndToEnd;

/// <summary>The same input gives byte-identical output, whatever the machine's culture, time zone or clock.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Two_builds_are_byte_identical_even_under_another_culture_and_time_zone()
    {
        using var site = TempSite.Sample();
        TestSupport.Cli.Build(site, "--now", "2026-11-26", "--drafts");
        var first = TempSite.Snapshot(site.Out);

        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            // Turkish and Arabic (Saudi Arabia) change casing, digits, calendars and month names when code forgets the invariant culture.
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            CultureInfo.CurrentUICulture = new CultureInfo("ar-SA");
            TestSupport.Cli.Build(site, "--now", "2026-11-26", "--drafts");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }

        AssertSame(first, TempSite.Snapshot(site.Out));

        // The time zone is read once per process, so build again in a child process far from UTC.
        var childOut = Path.Combine(site.Dir, "_site_child");
        RunChild(site.Dir, childOut, ("TZ", "Pacific/Kiritimati"), ("LANG", "de_DE.UTF-8"), ("LC_ALL", "de_DE.UTF-8"));
        AssertSame(first, TempSite.Snapshot(childOut));
    }

    [Fact]
    public void The_build_date_comes_from_SOURCE_DATE_EPOCH_when_now_is_not_given()
    {
        using var site = TempSite.Sample();
        var env = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1767225600" }; // 2026-01-01T00:00:00Z
        var result = TestSupport.Cli.Run(env, "build", "--site", site.Dir, "--out", site.Out);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("for 2026-01-01", result.Stdout);
    }

    private static void AssertSame(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs between builds");
        }
    }

    private static void RunChild(string siteDir, string outDir, params (string Name, string Value)[] environment)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "noticegen.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { tool, "build", "--site", siteDir, "--out", outDir, "--now", "2026-11-26", "--drafts" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"child build failed: {stderr.Result}");
    }
}
