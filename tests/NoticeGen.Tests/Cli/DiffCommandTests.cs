using System.Text.Json;
using AngleSharp.Html.Parser;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Cli;

/// <summary>noticegen diff in its three formats, and its exit codes: 0 unchanged, 1 changed, 2 user error.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly TempSite _site = TempSite.Sample();

    public void Dispose() => _site.Dispose();

    [Fact]
    public void The_working_text_equal_to_the_latest_release_has_no_changes()
    {
        var result = Diff();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("No changes in 15 page(s) from 2026-01-01 to draft.\n", result.Stdout);
    }

    [Fact]
    public void A_draft_edit_is_shown_as_a_word_diff_and_exits_1()
    {
        _site.Replace("content/fragments/shared/contact.md", "You may also send inquiries", "You may also send written inquiries");
        var result = Diff("--notice", "platform", "--audience", "california");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Changes from 2026-01-01 to draft: 1 of 1 page(s) changed.", result.Stdout);
        Assert.Contains("§ 16. Contacting Kaltura about this Privacy Notice (content/fragments/shared/contact.md:", result.Stdout);
        Assert.Contains("on: Privacy Notice for the Kaltura Platform: California residents", result.Stdout);
        Assert.Matches(@"\{\+written ?\+\}", result.Stdout);
        Assert.DoesNotContain("\u001b[", result.Stdout); // redirected output is plain
    }

    [Fact]
    public void Json_lists_every_page_and_each_change_once_with_its_fragment_and_pages()
    {
        _site.Replace("content/fragments/shared/contact.md", "You may also send inquiries", "You may also send written inquiries");
        var result = Diff("--format", "json", "--notice", "websites");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("changed").GetBoolean());
        Assert.Equal("draft", root.GetProperty("to").GetString());
        var pages = root.GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal(5, pages.Count);
        Assert.All(pages, p => Assert.Equal("websites", p.GetProperty("notice").GetString()));
        // The shared contact section changed on all five pages: one change, listing them.
        var section = Assert.Single(root.GetProperty("sections").EnumerateArray());
        Assert.Equal("contact", section.GetProperty("id").GetString());
        Assert.Equal("content/fragments/shared/contact.md", section.GetProperty("file").GetString());
        var change = Assert.Single(section.GetProperty("changes").EnumerateArray());
        var line = File.ReadAllLines(_site.PathOf("content/fragments/shared/contact.md")).ToList().FindIndex(l => l.Contains("written inquiries", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, change.GetProperty("line").GetInt32());
        Assert.Equal("words", change.GetProperty("kind").GetString());
        Assert.Contains("written inquiries", change.GetProperty("new").GetString());
        Assert.DoesNotContain("written", change.GetProperty("old").GetString());
        Assert.Equal([0, 1, 2, 3, 4], change.GetProperty("pages").EnumerateArray().Select(p => p.GetInt32())); // indexes into "pages"
        Assert.True(result.Stdout.Length < 5_000, $"a one-word change gave {result.Stdout.Length} characters of JSON");
    }

    [Fact]
    public void Markdown_is_a_pull_request_comment_with_struck_and_bold_words()
    {
        _site.Replace("content/fragments/shared/contact.md", "You may also send inquiries", "You may also send written inquiries");
        var result = Diff("--format", "markdown");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("### Privacy notice changes: 2026-01-01 → draft\n\n**10 of 15 pages change.**", result.Stdout);
        Assert.Contains("Contacting Kaltura about this Privacy Notice (`content/fragments/shared/contact.md:", result.Stdout);
        Assert.Contains("send **written** inquiries", result.Stdout);
        // The shared section changed on ten pages of two notices: one change in the comment, with every page named.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Stdout, "^#### ", System.Text.RegularExpressions.RegexOptions.Multiline));
        Assert.Contains("Privacy Notice for the Kaltura Platform: full notice, California residents", result.Stdout);
    }

    [Fact]
    public void A_big_rewrite_stays_small_as_json_and_is_summarised_as_markdown()
    {
        // Every section of the Websites and Platform notices rewritten: some 7,000 words.
        foreach (var file in Directory.EnumerateFiles(_site.PathOf("content/fragments"), "*.md", SearchOption.AllDirectories).Where(f => !f.Contains("eself", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var body = text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5;
            File.WriteAllText(file, text[..body] + text[body..].Replace(" the ", " this ", StringComparison.Ordinal).Replace(" and ", " as well as ", StringComparison.Ordinal));
        }

        var json = Diff("--format", "json");
        Assert.Equal(1, json.ExitCode);
        Assert.True(json.Stdout.Length < 100_000, $"the rewrite gave {json.Stdout.Length} characters of JSON");
        var markdown = Diff("--format", "markdown");
        Assert.True(markdown.Stdout.Length <= 60_000, $"the comment has {markdown.Stdout.Length} characters");
        Assert.Contains("more change(s), not shown", markdown.Stdout);
        Assert.Contains("https://example.com/legal/privacy/", markdown.Stdout);
    }

    [Fact]
    public void Html_is_a_standalone_redline_page()
    {
        _site.Replace("content/fragments/shared/contact.md", "You may also send inquiries", "You may also send written inquiries");
        var result = Diff("--format", "html", "--notice", "eself");
        Assert.Equal(0, result.ExitCode); // E-Self does not use the contact section
        result = Diff("--format", "html", "--notice", "websites", "--audience", "all");
        Assert.Equal(1, result.ExitCode);
        var document = new HtmlParser().ParseDocument(result.Stdout);
        Assert.NotNull(document.QuerySelector("head style"));
        Assert.Equal(["written"], document.QuerySelectorAll("main .redline-section ins").Select(e => Html.Text(e, ".visually-hidden")).ToList());

        // Several pages in one file: no id twice, and links between pages are absolute (the file is an attachment).
        var all = Diff("--format", "html", "--notice", "websites");
        var report = new HtmlParser().ParseDocument(all.Stdout);
        var ids = report.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(report.QuerySelectorAll("section.diff-page").Length > 1);
        var platformLink = report.QuerySelectorAll("a").First(a => a.TextContent == "Privacy Notice for the Kaltura Platform");
        Assert.Equal("https://example.com/legal/privacy/platform/", platformLink.GetAttribute("href"));
    }

    [Fact]
    public void Two_releases_can_be_compared_and_only_the_pages_whose_text_changed_count()
    {
        Assert.Equal(0, Diff("--from", "2025-11-11", "--to", "2026-01-01", "--notice", "websites", "--audience", "california").ExitCode);
        var europe = Diff("--from", "2025-11-11", "--to", "2026-01-01", "--notice", "websites", "--audience", "europe");
        Assert.Equal(1, europe.ExitCode);
        // The address is also the link's text here, so it changed as words: https://www.jamsadr.com/[-DPF-] {+eu-us-data+}...
        Assert.Contains("{+eu-us-data+}", europe.Stdout);
        Assert.Equal(0, Diff("--from", "2025-11-11", "--to", "2026-01-01", "--notice", "platform").ExitCode);
    }

    [Fact]
    public void Unknown_release_notice_or_audience_is_a_user_error()
    {
        var release = Diff("--from", "2024-01-01");
        Assert.Equal(2, release.ExitCode);
        Assert.Contains("--from:1:1: error: There is no release '2024-01-01'. Use one of: 2025-01-01, 2025-05-04, 2025-11-11, 2026-01-01.", release.Stderr);
        var notice = Diff("--notice", "website");
        Assert.Equal(2, notice.ExitCode);
        Assert.Contains("There is no notice 'website'. Use one of: websites, platform, eself.", notice.Stderr);
        var audience = Diff("--audience", "texas");
        Assert.Equal(2, audience.ExitCode);
        Assert.Contains("There is no audience 'texas'.", audience.Stderr);
    }

    private CliResult Diff(params string[] args) => TestSupport.Cli.Run(["diff", "--site", _site.Dir, .. args]);

    [Fact]
    public void A_mistyped_option_is_a_user_error_not_a_change()
    {
        var result = Diff("--formt", "json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("noticegen: Unrecognized command or argument '--formt'.", result.Stderr);
    }
}
