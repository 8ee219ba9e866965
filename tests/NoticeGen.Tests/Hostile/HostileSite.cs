using System.Text;
using System.Text.RegularExpressions;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Hostile;

/// <summary>
/// The mini fixture, built once so that it has a previous output, then broken by a test and built again. A refused build
/// must exit 2 with every finding on one located line, print no stack trace, and leave the previous output byte for
/// byte as it was; an accepted one must exit 0, also without a stack trace.
/// </summary>
public sealed partial class HostileSite : IDisposable
{
    /// <summary>The fixture's fragment that both notices show, with its front matter, for tests that replace its text.</summary>
    public const string Covers = "content/covers.md";

    public const string CoversFrontMatter = "---\nid: covers\ntitle: What this notice covers\n---\n";

    /// <summary>
    /// The fixture built once for the whole run; each test starts from a copy of its output, which is what a build of the
    /// same fixture writes (the build is deterministic), for a fraction of the time.
    /// </summary>
    private static readonly Lazy<TempSite> Built0 = new(() =>
    {
        var site = TempSite.FromFixture("mini");
        TestSupport.Cli.Build(site);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => site.Dispose();
        return site;
    });

    private SortedDictionary<string, byte[]> _before;

    public HostileSite()
    {
        foreach (var (path, bytes) in TempSite.Snapshot(Built0.Value.Out))
        {
            WriteBytes("_site/" + path, bytes);
        }

        _before = TempSite.Snapshot(Site.Out);
    }

    public TempSite Site { get; } = TempSite.FromFixture("mini");

    /// <summary>The previous output, as it was before the test broke the site.</summary>
    public IReadOnlyDictionary<string, byte[]> Before => _before;

    public void Dispose() => Site.Dispose();

    /// <summary>Writes bytes as they are: the hostile cases are about bytes a text editor would not write.</summary>
    public void WriteBytes(string relative, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Site.PathOf(relative))!);
        File.WriteAllBytes(Site.PathOf(relative), bytes);
    }

    /// <summary>Replaces the body of the shared fragment, keeping its front matter (so its body starts on line 5).</summary>
    /// <summary>The line of covers.md that <see cref="WriteCoversBody"/>'s body starts on.</summary>
    public int BodyLine => CoversFrontMatter.Count(c => c == '\n') + 1;

    public void WriteCoversBody(string body) => Site.Write(Covers, CoversFrontMatter + body + "\n");

    /// <summary>Builds again and makes the current output the one later builds must leave alone.</summary>
    public void Rebaseline(params string[] extra)
    {
        TestSupport.Cli.Build(Site, extra);
        _before = TempSite.Snapshot(Site.Out);
    }

    public CliResult Build(params string[] extra) => BuildTo(Site.Out, extra);

    public CliResult BuildTo(string outDir, params string[] extra) => TestSupport.Cli.Run(["build", "--site", Site.Dir, "--out", outDir, .. extra]);

    /// <summary>Builds, and checks the build was refused with <paramref name="expected"/> among its findings and nothing written.</summary>
    public CliResult Refused(params string[] expected)
    {
        var result = Build();
        AssertRefused(result, expected);
        AssertOutputUntouched();
        return result;
    }

    /// <summary>Builds, and checks the build succeeded.</summary>
    public CliResult Built(params string[] extra)
    {
        var result = Build(extra);
        AssertNoStackTrace(result);
        Assert.True(result.ExitCode == 0, $"build failed ({result.ExitCode}):\n{result.Stderr}");
        return result;
    }

    public static void AssertRefused(CliResult result, params string[] expected)
    {
        AssertNoStackTrace(result);
        Assert.True(result.ExitCode == 2, $"expected exit code 2, got {result.ExitCode}:\n{result.Stderr}");
        foreach (var text in expected)
        {
            Assert.True(result.Stderr.Contains(text, StringComparison.Ordinal), $"'{text}' is not in:\n{result.Stderr}");
        }

        AssertEveryLineLocated(result.Stderr);
        Assert.Contains("nothing was written", result.Stderr);
    }

    public static void AssertNoStackTrace(CliResult result)
    {
        foreach (var text in new[] { result.Stdout, result.Stderr })
        {
            Assert.DoesNotContain("Unhandled exception", text);
            Assert.DoesNotContain("   at ", text);
            Assert.DoesNotContain("Exception:", text);
        }
    }

    /// <summary>
    /// Every line of stderr is a finding in the compiler format, at a line and column that exist (both from 1), or the
    /// closing summary: a user can always tell where to look.
    /// </summary>
    public static void AssertEveryLineLocated(string stderr)
    {
        foreach (var line in stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("noticegen: ", StringComparison.Ordinal))
            {
                continue;
            }

            var match = FindingLine().Match(line);
            Assert.True(match.Success, $"not a located finding: {line}");
            Assert.True(int.Parse(match.Groups["line"].Value) >= 1 && int.Parse(match.Groups["column"].Value) >= 1, $"a finding before the start of its file: {line}");
        }
    }

    public void AssertOutputUntouched()
    {
        var after = TempSite.Snapshot(Site.Out);
        Assert.Equal(_before.Keys, after.Keys);
        foreach (var (path, bytes) in _before)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed although the build failed");
        }

        // A refused build leaves nothing beside the output either: no staging folder, no retired copy.
        Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(Site.Out)!, "._site.*"));
    }

    /// <summary>Whether any file of the output holds <paramref name="text"/>, in any of its bytes.</summary>
    public bool OutputContains(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return Directory.EnumerateFiles(Site.Out, "*", SearchOption.AllDirectories)
            .Any(f => File.ReadAllBytes(f).AsSpan().IndexOf(needle) >= 0);
    }

    [GeneratedRegex(@"^(?<file>[^\s:][^:]*):(?<line>\d+):(?<column>\d+): (error|warning): \S.* \[NG\d{4}\]$")]
    private static partial Regex FindingLine();
}
