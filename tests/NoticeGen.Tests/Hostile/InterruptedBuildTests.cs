using System.Diagnostics;
using System.Text;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Hostile;

/// <summary>
/// A build killed while it writes (a CI job cancelled, a laptop closed) leaves the previous output complete and byte
/// for byte as it was, and the next build succeeds. The build runs as a real child process so that it can be killed.
/// </summary>
public sealed class InterruptedBuildTests
{
    private const int Notices = 100;
    private const int Audiences = 10;

    [Fact]
    public void A_build_killed_mid_way_leaves_the_previous_output_whole_and_the_next_build_succeeds()
    {
        using var site = TempSite.FromFixture("mini");
        Generate(site);
        TestSupport.Cli.Build(site, "--now", "2026-01-01");
        var before = TempSite.Snapshot(site.Out);
        Assert.True(before.Count > Notices * (Audiences + 1), $"only {before.Count} files");

        // A finished second build would differ on every page, so a build that was not interrupted cannot pass for one that was.
        site.Replace("content/fragments/shared.md", "Write to us.", "Write to us at our new address.");
        var errors = new StringBuilder();
        using (var child = StartBuild(site, errors))
        {
            var clock = Stopwatch.StartNew();
            while (!child.HasExited && !StagingHasFiles(site) && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(1);
            }

            child.Kill(entireProcessTree: true);
            child.WaitForExit();
            Assert.True(child.ExitCode != 0, $"the build ended before it could be interrupted:\n{errors}");
        }

        // The killed build's staging folder is still there: it was killed while writing, before it could swap anything in.
        Assert.True(StagingHasFiles(site), "the build was not killed while it was writing");
        var after = TempSite.Snapshot(site.Out);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, bytes) in before)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed although the build was killed");
        }

        // The next build starts from whatever the killed one left (a staging folder, a half-written cache) and succeeds.
        TestSupport.Cli.Build(site, "--now", "2026-01-01");
        Assert.Contains("Write to us at our new address.", Html.Page(site, $"n{Notices - 1}/a{Audiences - 1}/").GetElementById("shared")!.TextContent);
        Assert.Equal(before.Keys, TempSite.Snapshot(site.Out).Keys);
    }

    /// <summary>A site of <see cref="Notices"/> notices, each with a page per audience, sharing a few sections.</summary>
    private static void Generate(TempSite site)
    {
        Directory.Delete(site.PathOf("content"), recursive: true);
        var yaml = new StringBuilder("site:\n  title: Many notices\njurisdictions:\n");
        for (var a = 0; a < Audiences; a++)
        {
            yaml.Append($"  j{a}: Jurisdiction {a}\n");
        }

        yaml.Append("audiences:\n");
        for (var a = 0; a < Audiences; a++)
        {
            yaml.Append($"  - id: a{a}\n    name: Audience {a}\n    jurisdictions: [j{a}]\n");
        }

        yaml.Append("notices:\n");
        for (var n = 0; n < Notices; n++)
        {
            yaml.Append($"  - id: n{n}\n    title: Notice {n}\n    params:\n      product: Product {n}\n    sections: [covers, local, shared]\n");
        }

        site.Write("site.yml", yaml.ToString());
        var words = string.Concat(Enumerable.Repeat("Personal information is processed for the purposes described here. ", 30));
        site.Write("content/fragments/covers.md", $"---\nid: covers\ntitle: What this notice covers\n---\nThis notice covers {{{{ notice.product }}}}. {words}\n");
        site.Write("content/fragments/local.md", $"---\nid: local\ntitle: Local rights\njurisdictions: [j3]\n---\n{words} See [](#shared).\n");
        site.Write("content/fragments/shared.md", "---\nid: shared\ntitle: Contact\n---\nWrite to us.\n");
    }

    /// <summary>
    /// Starts a build on one thread without the cache, so that pages are rendered while they are written and writing
    /// lasts seconds: long enough to be caught in the middle on a busy machine.
    /// </summary>
    private static Process StartBuild(TempSite site, StringBuilder errors)
    {
        var noticegen = Path.Combine(AppContext.BaseDirectory, "noticegen.dll");
        Assert.True(File.Exists(noticegen), $"{noticegen} is not beside the tests");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { noticegen, "build", "--site", site.Dir, "--out", site.Out, "--now", "2026-01-01", "--threads", "1", "--no-cache" })
        {
            start.ArgumentList.Add(argument);
        }

        var child = Process.Start(start)!;

        // Read both streams as they come, so that a full pipe never holds the build up.
        child.OutputDataReceived += (_, _) => { };
        child.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        return child;
    }

    private static bool StagingHasFiles(TempSite site) =>
        Directory.EnumerateDirectories(site.Dir, "._site.staging-*").Any(d => Directory.EnumerateFileSystemEntries(d).Any());
}
