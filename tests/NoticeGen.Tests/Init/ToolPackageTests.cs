using System.Diagnostics;
using NoticeGen.Init;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Init;

/// <summary>
/// NoticeGen as users get it: packed as a dotnet tool, installed from the package into a tool path, and run as its
/// own process in a new folder, where init, build and check work with nothing but what the package carries.
/// </summary>
public sealed class ToolPackageTests
{
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(120);

    [Fact]
    public void The_packed_tool_installs_and_inits_builds_and_checks_a_new_site_with_its_embedded_theme()
    {
        using var work = TempSite.Empty();
        var packages = work.PathOf("packages");
        var tools = work.PathOf("tools");
        var site = work.PathOf("my-notices");
        var cache = work.PathOf("nuget-cache");

        // The test runs in the configuration it was built in, and packs that build of the tool rather than making another.
        var configuration = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar).Contains("Debug") ? "Debug" : "Release";
        var project = Path.Combine(Repo.Root, "src", "NoticeGen", "NoticeGen.csproj");
        Run(cache, Dotnet, Repo.Root, "pack", project, "-c", configuration, "--no-build", "--no-restore", "-o", packages);
        Assert.True(File.Exists(Path.Combine(packages, $"NoticeGen.{ToolVersion.Package}.nupkg")), string.Join(", ", Directory.EnumerateFiles(packages)));

        // Only the folder with the new package as a source: a package of the same name and version on a feed, or one
        // left in the machine's package cache by an earlier run, cannot stand in for the one just packed.
        work.Write("nuget.config", $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n    <add key=\"local\" value=\"{packages}\" />\n  </packageSources>\n</configuration>\n");
        Run(cache, Dotnet, work.Dir, "tool", "install", "--tool-path", tools, "--configfile", work.PathOf("nuget.config"), "NoticeGen", "--version", ToolVersion.Package);
        var noticegen = Path.Combine(tools, OperatingSystem.IsWindows() ? "noticegen.exe" : "noticegen");

        Assert.StartsWith(ToolVersion.Package, Run(cache, noticegen, work.Dir, "--version"));
        Directory.CreateDirectory(site);
        Assert.Contains("Created a NoticeGen site", Run(cache, noticegen, site, "init"));
        Assert.Contains(": 4 pages, 0 archived versions, 0 redlines, 0 warning(s)", Run(cache, noticegen, site, "build", "--now", "2026-01-01"));
        Assert.StartsWith("0 error(s), 0 warning(s)", Run(cache, noticegen, site, "check", "--strict", "--now", "2026-01-01"));

        Assert.False(Directory.Exists(Path.Combine(site, "templates")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.Root, "templates", "assets", "style.css")), File.ReadAllBytes(Path.Combine(site, "_site", "assets", "style.css")));
        var page = Html.Load(Path.Combine(site, "_site", "website", "index.html"));
        Assert.Equal("1. Who we are", page.QuerySelector("#ng-title-who-we-are")!.TextContent);
        Assert.NotNull(page.QuerySelector("footer"));
    }

    /// <summary>The dotnet the tests run under (the SDK sets DOTNET_HOST_PATH for the processes it starts).</summary>
    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string Run(string cache, string program, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A packages folder of its own: the machine's cache may hold an older NoticeGen of the same version.
        start.Environment["NUGET_PACKAGES"] = cache;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        if (Path.IsPathRooted(Dotnet))
        {
            // The installed tool's launcher finds the runtime the tests run on.
            start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(Dotnet);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(StepLimit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(program)} {string.Join(' ', args)} took longer than {StepLimit.TotalSeconds} s");
        }

        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(program)} {string.Join(' ', args)} exited with {process.ExitCode}:\n{stdout}\n{stderr.Result}");
        return stdout;
    }
}
