using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using NoticeGen.Init;
using NoticeGen.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace NoticeGen.Tests.Init;

/// <summary>
/// noticegen init: a starter site that builds and checks clean with the built-in theme alone, the repository files
/// around it (.gitignore, .gitattributes, tool manifest, CI workflow), and its refusal to write over a folder in use.
/// </summary>
public sealed class InitCommandTests
{
    [Fact]
    public void The_starter_builds_and_checks_strict_clean_with_the_built_in_theme_alone()
    {
        using var site = TempSite.Empty();
        var init = TestSupport.Cli.Run("init", site.Dir);
        Assert.Equal(0, init.ExitCode);
        Assert.StartsWith($"Created a NoticeGen site in {site.Dir}", init.Stdout);
        Assert.False(Directory.Exists(site.PathOf("templates")));

        var build = TestSupport.Cli.Build(site, "--now", "2026-01-01");
        Assert.Equal(string.Empty, build.Stderr);
        Assert.Contains(": 4 pages, 0 archived versions, 0 redlines, 0 warning(s)", build.Stdout);
        var check = TestSupport.Cli.Run("check", "--site", site.Dir, "--strict", "--now", "2026-01-01");
        Assert.True(check.ExitCode == 0, check.Stdout + check.Stderr);
        Assert.StartsWith("0 error(s), 0 warning(s)", check.Stdout);

        // What the starter shows off: one fragment shared with a parameter, a cross-reference, a jurisdiction's section.
        var website = Html.Page(site, "website");
        var app = Html.Page(site, "app/europe");
        Assert.Contains("when you use the example.com website", Html.Text(website.QuerySelector("#who-we-are")!.ParentElement!));
        Assert.Contains("when you use the Example app", Html.Text(app.QuerySelector("#who-we-are")!.ParentElement!));
        Assert.Equal("section 9", website.QuerySelector("p a[href='#contact']")!.TextContent);
        Assert.Equal("9. How to contact us", website.QuerySelector("#ng-title-contact")!.TextContent);
        Assert.Equal("7. Further rights in the EU, the EEA and the UK", app.QuerySelector("#ng-title-europe-rights")!.TextContent);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.Root, "templates", "assets", "style.css")), File.ReadAllBytes(Path.Combine(site.Out, "assets", "style.css")));
    }

    [Fact]
    public void The_starter_takes_its_first_release_and_stays_clean()
    {
        using var site = TempSite.Empty();
        Assert.Equal(0, TestSupport.Cli.Run("init", site.Dir).ExitCode);
        var release = TestSupport.Cli.Run("release", "--site", site.Dir, "--effective", "2026-01-01", "--summary", "First version");
        Assert.True(release.ExitCode == 0, release.Stderr);

        var build = TestSupport.Cli.Build(site, "--now", "2026-01-02");
        Assert.Contains(": 4 pages, 4 archived versions, 0 redlines, 0 warning(s)", build.Stdout);
        Assert.Equal(0, TestSupport.Cli.Run("check", "--site", site.Dir, "--strict", "--now", "2026-01-02").ExitCode);
        Assert.Equal(0, TestSupport.Cli.Run("diff", "--site", site.Dir, "--format", "markdown").ExitCode);
    }

    [Fact]
    public void Init_refuses_a_folder_in_use_and_leaves_it_as_it_was()
    {
        using var site = TempSite.Empty();
        site.Write("notes.txt", "mine\n");

        var result = TestSupport.Cli.Run("init", site.Dir);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"DIR:1:1: error: The folder {site.Dir} is not empty.", result.Stderr);
        Assert.Contains("pass --force", result.Stderr);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(site.Dir).Select(Path.GetFileName));

        // A fresh clone (only .git/) is empty enough.
        using var clone = TempSite.Empty();
        Directory.CreateDirectory(clone.PathOf(".git"));
        Assert.Equal(0, TestSupport.Cli.Run("init", clone.Dir).ExitCode);
        Assert.True(File.Exists(clone.PathOf("site.yml")));
    }

    [Fact]
    public void Init_force_replaces_the_starter_files_and_keeps_the_lines_and_tools_a_repository_already_has()
    {
        using var site = TempSite.Empty();
        site.Write(".gitignore", "bin/\n_site/\n");
        site.Write(".config/dotnet-tools.json", "{\n  \"version\": 1,\n  \"isRoot\": true,\n  \"tools\": {\n    \"dotnet-format\": {\"version\": \"5.1.250801\", \"commands\": [\"dotnet-format\"]},\n    \"noticegen\": {\"version\": \"0.1.0\", \"commands\": [\"noticegen\"]}\n  }\n}\n");
        site.Write("site.yml", "not a site\n");
        site.Write("README.md", "# Our legal texts\n");

        var result = TestSupport.Cli.Run("init", site.Dir, "--force");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("replaced or extended: .config/dotnet-tools.json, .gitignore, site.yml; kept your README.md", result.Stdout);
        Assert.Equal("# Our legal texts\n", site.Read("README.md"));

        var ignore = site.Read(".gitignore").Split('\n');
        Assert.Equal(["bin/", "_site/", "# Added by noticegen init.", ".noticegen-cache/", ""], ignore);
        var tools = JsonNode.Parse(site.Read(".config/dotnet-tools.json"))!["tools"]!;
        Assert.Equal("5.1.250801", (string)tools["dotnet-format"]!["version"]!);
        Assert.Equal(ToolVersion.Package, (string)tools["noticegen"]!["version"]!);
        Assert.StartsWith(global::NoticeGen.Schemas.SchemaFiles.Modeline("site.yml", global::NoticeGen.Schemas.SchemaFiles.Site) + "\n", site.Read("site.yml"));
        Assert.Equal(0, TestSupport.Cli.Run("check", "--site", site.Dir, "--strict", "--now", "2026-01-01").ExitCode);
    }

    [Fact]
    public void Init_force_pins_the_tool_in_a_manifest_at_the_repository_root_rather_than_adding_a_second_one()
    {
        // .NET 10's 'dotnet new tool-manifest' writes dotnet-tools.json at the root; 'dotnet tool restore' reads it before .config/.
        using var site = TempSite.Empty();
        site.Write("dotnet-tools.json", "{\n  \"version\": 1,\n  \"isRoot\": true,\n  \"tools\": {}\n}\n");

        var result = TestSupport.Cli.Run("init", site.Dir, "--force");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("replaced or extended: dotnet-tools.json", result.Stdout);
        Assert.False(Directory.Exists(site.PathOf(".config")));
        Assert.Equal(ToolVersion.Package, (string)JsonNode.Parse(site.Read("dotnet-tools.json"))!["tools"]!["noticegen"]!["version"]!);
    }

    [Fact]
    public void The_tool_manifest_pins_this_version_and_the_version_option_prints_the_csproj_version()
    {
        using var site = TempSite.Empty();
        Assert.Equal(0, TestSupport.Cli.Run("init", site.Dir).ExitCode);
        var csprojVersion = XDocument.Load(Path.Combine(Repo.Root, "src", "NoticeGen", "NoticeGen.csproj")).Descendants("Version").Single().Value;

        var manifest = JsonNode.Parse(site.Read(".config/dotnet-tools.json"))!;
        Assert.Equal(csprojVersion, (string)manifest["tools"]!["noticegen"]!["version"]!);
        Assert.Equal(["noticegen"], manifest["tools"]!["noticegen"]!["commands"]!.AsArray().Select(c => (string)c!));

        var version = TestSupport.Cli.Run("--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(csprojVersion)}(\+[0-9a-f]+)?\n$", version.Stdout);
    }

    [Fact]
    public void The_release_archive_is_stored_byte_for_byte_by_git()
    {
        using var site = TempSite.Empty();
        Assert.Equal(0, TestSupport.Cli.Run("init", site.Dir).ExitCode);
        Assert.Contains("\ncontent/releases/** -text\n", site.Read(".gitattributes"));
        Assert.Contains("_site/", site.Read(".gitignore").Split('\n'));

        Git(site.Dir, "init", "-q");
        Assert.Equal("content/releases/2026-01-01/fragments/contact.md: text: unset\n",
            Git(site.Dir, "check-attr", "text", "--", "content/releases/2026-01-01/fragments/contact.md"));
        Assert.Equal("content/fragments/contact.md: text: auto\n", Git(site.Dir, "check-attr", "text", "--", "content/fragments/contact.md"));
        Assert.Equal("_site/index.html\n", Git(site.Dir, "check-ignore", "_site/index.html"));
    }

    [Fact]
    public void The_ci_workflow_restores_the_pinned_tool_builds_checks_comments_pull_requests_and_publishes_main()
    {
        using var site = TempSite.Empty();
        Assert.Equal(0, TestSupport.Cli.Run("init", site.Dir).ExitCode);
        var stream = new YamlStream();
        stream.Load(new StringReader(site.Read(".github/workflows/notices.yml")));
        var workflow = (YamlMappingNode)stream.Documents[0].RootNode;
        var jobs = (YamlMappingNode)workflow["jobs"];

        var steps = ((YamlSequenceNode)((YamlMappingNode)jobs["build"])["steps"]).Cast<YamlMappingNode>().ToList();
        int Step(string run) => steps.FindIndex(s => s.Children.TryGetValue("run", out var r) && r.ToString().Contains(run, StringComparison.Ordinal));
        string? If(int index) => steps[index].Children.TryGetValue("if", out var condition) ? condition.ToString() : null;

        var restore = Step("dotnet tool restore");
        var build = Step("dotnet noticegen build");
        var check = Step("dotnet noticegen check");
        var diff = Step("dotnet noticegen diff --format markdown");
        Assert.True(restore >= 0 && restore < build && build < check && check < diff, $"steps in order: restore {restore}, build {build}, check {check}, diff {diff}");
        Assert.Null(If(build));
        Assert.Null(If(check));
        Assert.Equal("github.event_name == 'pull_request'", If(diff));

        var upload = steps.FindIndex(s => s.Children.TryGetValue("uses", out var u) && u.ToString().StartsWith("actions/upload-pages-artifact@", StringComparison.Ordinal));
        Assert.Equal("_site", ((YamlMappingNode)steps[upload]["with"])["path"].ToString());
        Assert.Contains("refs/heads/main", If(upload));
        var publish = (YamlMappingNode)jobs["publish"];
        Assert.Contains("refs/heads/main", publish["if"].ToString());
        Assert.Contains("actions/deploy-pages@", string.Join(" ", ((YamlSequenceNode)publish["steps"]).Cast<YamlMappingNode>().Select(s => s["uses"].ToString())));
    }

    [Fact]
    public void Init_with_templates_writes_the_built_in_theme_and_the_site_builds_the_same()
    {
        using var bare = TempSite.Empty();
        using var themed = TempSite.Empty();
        Assert.Equal(0, TestSupport.Cli.Run("init", bare.Dir).ExitCode);
        Assert.Equal(0, TestSupport.Cli.Run("init", themed.Dir, "--with-templates").ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Root, "templates", "partials", "foot.sbn")), themed.Read("templates/partials/foot.sbn"));

        TestSupport.Cli.Build(bare, "--now", "2026-01-01");
        TestSupport.Cli.Build(themed, "--now", "2026-01-01");
        var expected = TempSite.Snapshot(bare.Out);
        var actual = TempSite.Snapshot(themed.Out);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, e => Assert.True(e.Value.AsSpan().SequenceEqual(actual[e.Key]), $"{e.Key} differs"));
    }

    private static string Git(string dir, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
        return output;
    }
}
