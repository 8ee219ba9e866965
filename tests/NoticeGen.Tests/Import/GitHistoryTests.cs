using System.Diagnostics;
using NoticeGen.Load;

namespace NoticeGen.Tests.Import;

/// <summary>import --git FILE: every version of a Markdown page from a repository's history, across a rename.</summary>
public sealed class GitHistoryTests : IDisposable
{
    private const string First = "---\nlayout: page\ntitle: Privacy Policy\n---\n# Acme Privacy Policy\n\nThis policy explains what we collect.\n\n## What we collect\n\nYour email adress, when you subscribe to the newsletter.\n\n## Contact us\n\nWrite to privacy@acme.example.\n";
    private const string Fixed = "---\nlayout: page\ntitle: Privacy Policy\n---\n# Acme Privacy Policy\n\nThis policy explains what we collect.\n\n## What we collect\n\nYour email address, when you subscribe to the newsletter.\n\n## Contact us\n\nWrite to privacy@acme.example.\n";
    private const string Moved = "---\nlayout: page\ntitle: Privacy Policy\n---\n# Acme Privacy Policy\n\nThis policy explains what we collect and how long we keep it.\n\n## What we collect\n\nYour email address, when you subscribe to the newsletter.\n\n## How long we keep it\n\nUntil you unsubscribe; see [how to reach us](#contact-us) to ask sooner.\n\n## Contact us\n\nWrite to privacy@acme.example.\n";

    private readonly ImportTarget _target = new();
    private readonly string _repo;

    public GitHistoryTests()
    {
        _repo = Path.Combine(_target.Root, "docs");
        Directory.CreateDirectory(_repo);
        Git("init", "-q");
        Commit("privacy.md", First, "2022-01-05T10:00:00+00:00", "First privacy policy");
        Commit("privacy.md", Fixed, "2022-01-05T15:30:00+00:00", "Fix a typo in what we collect");
        Directory.CreateDirectory(Path.Combine(_repo, "legal"));
        Git("mv", "privacy.md", "legal/privacy-policy.md");
        Commit("legal/privacy-policy.md", Moved, "2023-03-01T09:00:00+00:00", "Move the policy under legal/ and say how long we keep data");
    }

    public void Dispose() => _target.Dispose();

    [Fact]
    public void Every_date_in_the_files_history_becomes_a_release_following_the_rename()
    {
        var result = _target.Import("--git", Path.Combine(_repo, "legal", "privacy-policy.md"));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(["2022-01-05", "2023-03-01"],
            Directory.GetDirectories(Path.Combine(_target.Dir, "content", "releases")).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // Two commits on 2022-01-05: the later one is the version of that day, and the report names the other.
        Assert.Matches(@"Not imported: .*privacy-policy\.md@[0-9a-f]{7}, an earlier version of the same date", result.Stdout);
        var first = File.ReadAllText(Path.Combine(_target.Dir, "content", "releases", "2022-01-05", "fragments", "acme", "what-we-collect.md"));
        Assert.Contains("Your email address, when you subscribe", first, StringComparison.Ordinal);
        Assert.Contains("as of commit", _target.Read("content/releases/2022-01-05/release.yml"), StringComparison.Ordinal);
        Assert.Contains(": Fix a typo in what we collect", _target.Read("content/releases/2022-01-05/release.yml"), StringComparison.Ordinal);

        // The front matter is gone, its title kept as the site's; the GitHub-style link finds the section.
        var content = ContentLoader.LoadWorking(_target.Dir);
        Assert.Equal("Privacy Policy", content.Site.Site.Title);
        Assert.Contains("see [how to reach us](#contact-us) to ask sooner", content.Find("how-long-we-keep-it")!.Source, StringComparison.Ordinal);
        Assert.EndsWith("Every page NoticeGen composes says what its source says, word for word.\n", result.Stdout, StringComparison.Ordinal);

        _target.Build("2023-06-01");
        Assert.Equal("2023-03-01", _target.Page("acme").QuerySelector("meta[name='dcterms.modified']")?.GetAttribute("content"));
    }

    [Fact]
    public void Deleted_and_empty_versions_are_skipped_and_a_commit_dated_before_the_one_before_takes_its_date_each_said_in_the_report()
    {
        // Each of these failed the import: 'path exists on disk, but not in <sha>', 'The file is empty. Save the page
        // again', and 'effective date ... is before the latest release ... please report it'.
        var page = Path.Combine("legal", "privacy-policy.md");
        Git("rm", "-q", page);
        Git(new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = "2023-04-01T09:00:00+00:00", ["GIT_COMMITTER_DATE"] = "2023-04-01T09:00:00+00:00" }, "commit", "-q", "-m", "Take the policy down");
        Directory.CreateDirectory(Path.Combine(_repo, "legal")); // git rm took the emptied folder away
        Commit(page, Moved.Replace("Until you unsubscribe", "Until you leave", StringComparison.Ordinal), "2023-05-01T09:00:00+00:00", "Put the policy back");
        Commit(page, string.Empty, "2023-06-01T09:00:00+00:00", "Empty the policy by mistake");
        Commit(page, Moved.Replace("Until you unsubscribe", "Until you ask us", StringComparison.Ordinal), "2023-04-20T09:00:00+00:00", "Restore the policy (rebased)");

        var result = _target.Import("--git", Path.Combine(_repo, page));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(["2022-01-05", "2023-03-01", "2023-05-01"],
            Directory.GetDirectories(Path.Combine(_target.Dir, "content", "releases")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Matches(@"From the history: .*privacy-policy\.md@[0-9a-f]{7} \(2023-04-01, “Take the policy down”\) deletes the file, so it has no version to import\.\n", result.Stdout);
        Assert.Matches(@"From the history: .*privacy-policy\.md@[0-9a-f]{7} \(2023-06-01, “Empty the policy by mistake”\) leaves the file empty, so it has no version to import\.\n", result.Stdout);
        Assert.Matches(@"From the history: .*privacy-policy\.md@[0-9a-f]{7} is dated 2023-04-20, before the version it follows \(.*privacy-policy\.md@[0-9a-f]{7}, 2023-05-01\), so it is imported as of 2023-05-01\.\n", result.Stdout);
        Assert.Matches(@"== 2023-05-01: .*@[0-9a-f]{7} ==\nNot imported: .*@[0-9a-f]{7}, an earlier version of the same date", result.Stdout);
        Assert.Contains("Until you ask us", ContentLoader.LoadWorking(_target.Dir).Find("how-long-we-keep-it")!.Source, StringComparison.Ordinal);
        Assert.Contains(": Restore the policy (rebased)", _target.Read("content/releases/2023-05-01/release.yml"), StringComparison.Ordinal);
        Assert.Contains("deletes the file, so it has no version to import.", _target.Read("import-report.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_with_no_version_holding_a_page_is_a_located_error()
    {
        Commit("empty.md", "\n", "2023-04-01T09:00:00+00:00", "Start an empty page");

        var result = _target.Import("--git", Path.Combine(_repo, "empty.md"));

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"^--git:1:1: error: No commit in the history of .*empty\.md holds a page to import: .*empty\.md@[0-9a-f]{7} \(2023-04-01, “Start an empty page”\) leaves the file empty, so it has no version to import\. Commit the page with its content", result.Stderr);
    }

    [Fact]
    public void A_file_outside_any_repository_is_a_located_error()
    {
        var outside = Path.Combine(_target.Root, "elsewhere", "privacy.md");
        Directory.CreateDirectory(Path.GetDirectoryName(outside)!);
        File.WriteAllText(outside, First);
        File.WriteAllText(Path.Combine(_target.Root, "elsewhere", ".git"), "gitdir: /nonexistent\n"); // stops git looking further up

        var result = _target.Import("--git", outside);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("--git:1:1: error: Git could not read the history of ", result.Stderr, StringComparison.Ordinal);
    }

    private void Commit(string file, string text, string date, string message)
    {
        File.WriteAllText(Path.Combine(_repo, file), text);
        Git("add", file);
        Git(new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = date, ["GIT_COMMITTER_DATE"] = date }, "commit", "-q", "-m", message);
    }

    private void Git(params string[] args) => Git(new Dictionary<string, string>(), args);

    private void Git(Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _repo, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
    }
}
