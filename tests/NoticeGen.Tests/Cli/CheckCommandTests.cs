using System.Text.Json;
using NoticeGen.Check;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Cli;

/// <summary>
/// `noticegen check`: the gate CI can trust. Exit 0 clean, 1 findings (warnings too with --strict), 2 it could not run;
/// every finding has a code, a severity and a location; four formats; nothing is published.
/// </summary>
public sealed class CheckCommandTests
{
    [Fact]
    public void The_sample_has_no_error_and_only_its_listed_coverage_findings_and_publishes_nothing()
    {
        using var site = TempSite.Sample();
        var result = TestSupport.Cli.Run("check", "--site", site.Dir, "--now", "2026-11-26", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.False(Directory.Exists(site.Out), "check writes no output folder");
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(0, root.GetProperty("errors").GetInt32());
        var codes = root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.Contains(c, new[] { "NG6001", "NG6005" }));
        // External links are listed for an external link checker, not fetched: the DPF and JAMS sites among them.
        var external = root.GetProperty("externalLinks").EnumerateArray().Select(l => l.GetProperty("url").GetString()).ToList();
        Assert.Contains("https://www.dataprivacyframework.gov/", external);
        Assert.Contains(root.GetProperty("externalLinks").EnumerateArray(), l => l.GetProperty("pages").GetArrayLength() > 1);

        var strict = TestSupport.Cli.Run("check", "--site", site.Dir, "--now", "2026-11-26", "--strict");
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public void List_names_every_check_with_its_code_and_default_severity()
    {
        var result = TestSupport.Cli.Run("check", "--list");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Codes.All.Count, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("NG4001  error", StringComparison.Ordinal) && l.Contains("broken-link", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("NG5001  warning", StringComparison.Ordinal));
        Assert.Equal(Codes.All.Count, Codes.All.Select(c => c.Code).Distinct().Count());
    }

    [Fact]
    public void An_error_and_a_warning_give_exit_1_in_every_format_with_file_line_and_column()
    {
        using var site = Broken();
        var text = TestSupport.Cli.Run("check", "--site", site.Dir);
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("content/gdpr.md:8:17: error: The reference '#nowhere'", text.Stdout);
        Assert.Contains("[NG2004]", text.Stdout);
        Assert.Contains("content/orphan.md:2:5: warning: The fragment 'orphan' is not used by any notice.", text.Stdout);

        var github = TestSupport.Cli.Run("check", "--site", site.Dir, "--format", "github");
        Assert.Equal(1, github.ExitCode);
        Assert.Contains("::error file=content/gdpr.md,line=8,col=17,title=NG2004 reference::The reference '#nowhere'", github.Stdout);
        Assert.Contains("::warning file=content/orphan.md,line=2,col=5,title=NG5001 unused-fragment::", github.Stdout);

        var sarif = TestSupport.Cli.Run("check", "--site", site.Dir, "--format", "sarif");
        Assert.Equal(1, sarif.ExitCode);
        using var json = JsonDocument.Parse(sarif.Stdout);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var run = json.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.Equal(Codes.All.Count, rules.GetArrayLength());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var reference = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "NG2004");
        Assert.Equal("error", reference.GetProperty("level").GetString());
        Assert.Equal("NG2004", rules[reference.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        var location = reference.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("content/gdpr.md", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(8, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(17, location.GetProperty("region").GetProperty("startColumn").GetInt32());
    }

    [Fact]
    public void Site_yml_turns_a_warning_off_or_raises_it_but_cannot_lower_an_error()
    {
        using var site = TempSite.FromFixture("mini");
        site.Write("content/orphan.md", "---\nid: orphan\ntitle: Orphan\n---\nNever listed.\n");
        Assert.Equal(0, TestSupport.Cli.Run("check", "--site", site.Dir).ExitCode);

        site.Write("site.yml", site.Read("site.yml") + "checks:\n  NG5001: error\n");
        var raised = TestSupport.Cli.Run("check", "--site", site.Dir);
        Assert.Equal(1, raised.ExitCode);
        Assert.Contains("content/orphan.md:2:5: error: The fragment 'orphan' is not used", raised.Stdout);
        var build = TestSupport.Cli.Run("build", "--site", site.Dir, "--out", site.Out);
        Assert.Equal(2, build.ExitCode);
        // Reported once, as the error it was raised to (it was once reported twice, counted as two errors).
        Assert.Single(build.Stderr.Split('\n'), l => l.Contains("The fragment 'orphan' is not used", StringComparison.Ordinal));
        Assert.Contains("noticegen: 1 error(s); nothing was written.", build.Stderr);

        site.Replace("site.yml", "NG5001: error", "unused-fragment: off");
        var off = TestSupport.Cli.Run("check", "--site", site.Dir);
        Assert.Equal(0, off.ExitCode);
        Assert.DoesNotContain("orphan", off.Stdout);

        site.Replace("site.yml", "unused-fragment: off", "NG2004: off");
        var refused = TestSupport.Cli.Run("check", "--site", site.Dir);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("NG2004 (reference) is an error and cannot be turned into a warning or off.", refused.Stdout);
        Assert.Contains("[NG1012]", refused.Stdout);
    }

    [Fact]
    public void Warnings_stop_a_strict_build_and_the_previous_output_stays()
    {
        using var site = TempSite.FromFixture("mini");
        TestSupport.Cli.Build(site);
        site.Write("content/orphan.md", "---\nid: orphan\ntitle: Orphan\n---\nNever listed.\n");
        Assert.Equal(0, TestSupport.Cli.Run("build", "--site", site.Dir, "--out", site.Out).ExitCode);
        var before = TempSite.Snapshot(site.Out);
        // An edit the pages show, so that a build that swapped before the checks' verdict would change the output.
        site.Replace("content/contact.md", "Acme, Inc.", "Acme Holdings, Inc.");
        // The content checks run while the pages are written (on all cores); their verdict still comes before the swap,
        // both when the output is written afresh and when the memo would have left it as it was.
        foreach (var extra in new[] { "--no-cache", "--threads=0" })
        {
            var strict = TestSupport.Cli.Run("build", "--site", site.Dir, "--out", site.Out, "--strict", extra);
            Assert.Equal(2, strict.ExitCode);
            Assert.Contains("warning: The fragment 'orphan' is not used", strict.Stderr);
            Assert.Contains("(warnings count with --strict)", strict.Stderr);
            Assert.Equal(before, TempSite.Snapshot(site.Out));
        }
    }

    [Fact]
    public void A_check_that_cannot_run_exits_2()
    {
        using var site = TempSite.FromFixture("mini");
        var result = TestSupport.Cli.Run("check", "--site", site.Dir, "--now", "26/11/2026");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--now:1:1: error:", result.Stderr);
    }

    [Fact]
    public void A_site_folder_without_site_yml_exits_2_naming_the_folder_like_build_and_diff()
    {
        using var site = TempSite.Empty();
        var missing = Path.Combine(site.Dir, "nowhere");
        foreach (var command in new[] { "check", "build", "diff" })
        {
            var none = TestSupport.Cli.Run(command, "--site", missing);
            Assert.True(none.ExitCode == 2, $"{command}: {none.ExitCode}\n{none.Stderr}");
            Assert.Contains($"--site:1:1: error: The site folder {missing} does not exist.", none.Stderr);

            var empty = TestSupport.Cli.Run(command, "--site", site.Dir);
            Assert.True(empty.ExitCode == 2, $"{command}: {empty.ExitCode}\n{empty.Stderr}");
            Assert.Contains($"site.yml:1:1: error: site.yml was not found in {site.Dir}. Run the command in the site folder, or pass --site DIR. [NG1010]", empty.Stderr);
            Assert.Empty(empty.Stdout);
        }
    }

    /// <summary>The mini site with one broken reference (an error) and one unused fragment (a warning).</summary>
    private static TempSite Broken()
    {
        var site = TempSite.FromFixture("mini");
        site.Replace("content/gdpr.md", "Contact us per [](#contact).", "Contact us per [](#contact).\n\nSee [the rules](#nowhere).");
        site.Write("content/orphan.md", "---\nid: orphan\ntitle: Orphan\n---\nNever listed.\n");
        return site;
    }
}
