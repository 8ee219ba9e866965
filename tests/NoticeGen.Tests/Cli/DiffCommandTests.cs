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
        Assert.Equal("No changes in 15 page(s).\n", result.Stdout);
    }

    [Fact]
    public void A_draft_edit_is_shown_as_a_word_diff_and_exits_1()
    {
        _site.Replace("content/fragments/shared/contact.md", "You may also send inquiries", "You may also send written inquiries");
        var result = Diff("--notice", "platform", "--audience", "california");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("=== Privacy Notice for the Kaltura Platform — California residents (2026-01-01 → draft)", result.Stdout);
        Assert.Matches(@"\{\+written ?\+\}", result.Stdout);
        Assert.DoesNotContain("\u001b[", result.Stdout); // redirected output is plain
    }

    [Fact]
    public void Json_lists_every_compared_page_and_its_changes()
    {
        _site.Replace("content/fragments/shared/contact.md", "You may also send inquiries", "You may also send written inquiries");
        var result = Diff("--format", "json", "--notice", "websites");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.True(json.RootElement.GetProperty("changed").GetBoolean());
        var pages = json.RootElement.GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal(5, pages.Count);
        Assert.All(pages, p => Assert.Equal("websites", p.GetProperty("notice").GetString()));
        Assert.All(pages, p => Assert.Equal("draft", p.GetProperty("to").GetString()));
        Assert.Contains("written", result.Stdout);
        Assert.True(result.Stdout.Length < 40_000, $"a one-word change gave {result.Stdout.Length} characters of JSON");
        var changedSections = pages.SelectMany(p => p.GetProperty("sections").EnumerateArray()).Select(s => s.GetProperty("id").GetString()).Distinct().ToList();
        Assert.Equal(["contact"], changedSections);
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
        Assert.Contains("{+https://www.jamsadr.com/eu-us-data-privacy-framework", europe.Stdout);
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
