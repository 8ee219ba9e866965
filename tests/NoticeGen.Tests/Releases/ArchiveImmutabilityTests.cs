using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Releases;

/// <summary>Archived versions keep their words when site.yml or the templates change later; drafts are never passed off as in force.</summary>
public sealed class ArchiveImmutabilityTests
{
    [Fact]
    public void Changing_a_parameter_or_a_template_after_a_release_leaves_every_archived_page_text_unchanged()
    {
        using var site = TempSite.Sample();
        TestSupport.Cli.Build(site, "--now", "2026-11-26");
        var before = ArchivedTexts(site);
        // Websites: 4 releases, Platform: 3, E-Self: 2; each with 5 audience pages.
        Assert.Equal(45, before.Count);

        site.Replace("site.yml", "product: Kaltura Websites", "product: Kaltura Web Properties");
        site.Replace("site.yml", "organization: Kaltura, Inc.", "organization: Kaltura Holdings, Inc.");
        site.Replace("templates/page.sbn", "<h2 id=\"ng-title-{{ s.id }}\">", "<h2 id=\"ng-title-{{ s.id }}\" class=\"new-design\">");
        TestSupport.Cli.Build(site, "--now", "2026-11-26", "--drafts");

        var after = ArchivedTexts(site);
        Assert.Equal(before, after);
        // ...while the design did change, and the draft shows the new parameter value, marked as a draft.
        Assert.NotNull(Html.Page(site, "websites/2025-01-01/").QuerySelector("h2.new-design"));
        var draft = Html.Page(site, "websites/draft/");
        Assert.Contains("Kaltura Web Properties", draft.QuerySelector("article.notice")!.TextContent);
        Assert.Contains("has not been released and is not in force", draft.QuerySelector(".banner-draft")!.TextContent);
        Assert.DoesNotContain("Kaltura Web Properties", Html.Page(site, "websites/").QuerySelector("article.notice")!.TextContent);
    }

    [Fact]
    public void A_site_with_no_release_publishes_its_working_text_marked_as_a_draft()
    {
        using var site = TempSite.FromFixture("mini");
        TestSupport.Cli.Build(site);
        var page = Html.Page(site, "web/");
        Assert.Equal("draft", page.QuerySelector("meta[name='noticegen:status']")!.GetAttribute("content"));
        Assert.Contains("not in force", page.QuerySelector(".banner-draft")!.TextContent);
        Assert.Contains("no release is in force yet", Html.Page(site, "").QuerySelector(".banner-draft")!.TextContent);
        Assert.False(Directory.Exists(Path.Combine(site.Out, "web", "draft")));
    }

    [Fact]
    public void Without_drafts_the_build_publishes_only_releases()
    {
        using var site = TempSite.Sample();
        site.Replace("content/fragments/shared/contact.md", "You may also send inquiries", "You may also send your inquiries");
        TestSupport.Cli.Build(site, "--now", "2026-11-26");
        Assert.DoesNotContain("send your inquiries", Html.Page(site, "websites/").QuerySelector("article.notice")!.TextContent);
        Assert.False(Directory.Exists(Path.Combine(site.Out, "websites", "draft")));

        TestSupport.Cli.Build(site, "--now", "2026-11-26", "--drafts");
        Assert.Contains("send your inquiries", Html.Page(site, "websites/draft/").QuerySelector("article.notice")!.TextContent);
        var redline = Html.Page(site, "websites/changes/draft/");
        Assert.Equal(["your"], redline.QuerySelectorAll("main .redline-section ins").Select(e => Html.Text(e, ".visually-hidden")).ToList());
        Assert.NotNull(Html.Page(site, "websites/").QuerySelector(".banner-draft a[href='draft/']"));
    }

    [Fact]
    public void Tampering_with_an_archived_file_of_the_sample_fails_the_build_and_names_the_file()
    {
        using var site = TempSite.Sample();
        TestSupport.Cli.Build(site, "--now", "2026-11-26");
        var before = TempSite.Snapshot(site.Out);
        site.Replace("content/releases/2025-05-04/fragments/shared/contact.md", "860 Broadway", "861 Broadway");

        var result = TestSupport.Cli.Run("build", "--site", site.Dir, "--out", site.Out, "--now", "2026-11-26");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("content/releases/2025-05-04/fragments/shared/contact.md:1:1: error: This archived file no longer matches its release manifest", result.Stderr);
        var after = TempSite.Snapshot(site.Out);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, file => Assert.True(file.Value.AsSpan().SequenceEqual(after[file.Key]), file.Key));
    }

    [Fact]
    public void After_a_release_that_adds_a_section_every_link_still_leads_somewhere()
    {
        using var site = TempSite.Sample();
        site.Write("content/fragments/websites/websites-newsec.md",
            "---\nid: websites-newsec\ntitle: A new section\n---\nTo ask us anything, see [](#contact) or the [Platform notice](notice:platform#contact).\n");
        site.Replace("site.yml", "      - websites-children\n", "      - websites-children\n      - websites-newsec\n");
        Assert.Equal(0, TestSupport.Cli.Run("release", "--site", site.Dir, "--effective", "2026-03-01", "--summary", "New section").ExitCode);
        TestSupport.Cli.Build(site, "--now", "2026-03-02", "--drafts");

        Assert.Empty(LinkChecker.Broken(site.Out));
        // The changelog quotes the new section with its reference, aimed at the version that holds the anchor.
        var changelog = Html.Page(site, "websites/changes/");
        var reference = changelog.QuerySelectorAll(".passage a").First(a => a.TextContent.StartsWith("section ", StringComparison.Ordinal));
        Assert.Equal("../2026-03-01/#contact", reference.GetAttribute("href"));
        // Sections after the new one are renumbered, not counted as changed; only the two whose "section N"
        // references changed number are.
        var redline = Html.Page(site, "websites/changes/2026-03-01/");
        Assert.StartsWith("2 sections changed, 1 added", redline.QuerySelector(".redline-summary p")!.TextContent);
        Assert.Equal(["websites-ccpa", "websites-gdpr"], redline.QuerySelectorAll("[data-change='changed']").Select(s => s.Id).ToList());
        Assert.Equal("renumbered", redline.GetElementById("transfers")!.QuerySelector("h2 .redline-note")!.TextContent.Trim('(', ')'));
    }

    [Fact]
    public void A_withdrawn_notice_keeps_its_versions_says_so_and_links_nowhere_dead()
    {
        using var site = TempSite.Sample();
        var yml = site.Read("site.yml");
        site.Write("site.yml", yml[..yml.IndexOf("  - id: eself", StringComparison.Ordinal)]);
        Assert.Equal(0, TestSupport.Cli.Run("release", "--site", site.Dir, "--effective", "2026-03-01", "--summary", "E-Self withdrawn").ExitCode);
        TestSupport.Cli.Build(site, "--now", "2026-03-02");

        Assert.Empty(LinkChecker.Broken(site.Out));
        Assert.False(File.Exists(Path.Combine(site.Out, "eself", "index.html")));
        Assert.Contains("no longer published", Html.Page(site, "eself/2026-01-01/").QuerySelector(".banner")!.TextContent);
        var latest = Html.Page(site, "changes/").QuerySelector("section.release")!;
        Assert.Contains("Privacy Notice for the E-Self Platform: withdrawn in this release.", Html.Text(latest));
    }

    [Fact]
    public void A_new_slug_moves_every_version_of_the_notice_with_it()
    {
        using var site = TempSite.Sample();
        site.Replace("site.yml", "  - id: websites\n", "  - id: websites\n    slug: site-privacy\n");
        Assert.Equal(0, TestSupport.Cli.Run("release", "--site", site.Dir, "--effective", "2026-03-01", "--summary", "New address").ExitCode);
        TestSupport.Cli.Build(site, "--now", "2026-03-02");

        Assert.Empty(LinkChecker.Broken(site.Out));
        Assert.True(File.Exists(Path.Combine(site.Out, "site-privacy", "2025-01-01", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(site.Out, "websites")));
    }

    [Fact]
    public void A_new_notice_id_on_an_old_notices_address_is_refused_before_it_is_released()
    {
        using var site = TempSite.Sample();
        site.Replace("site.yml", "  - id: eself\n", "  - id: avatars\n    slug: eself\n");
        var result = TestSupport.Cli.Run("release", "--site", site.Dir, "--effective", "2026-03-01", "--summary", "Renamed");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("site.yml:", result.Stderr);
        Assert.Contains("The notice 'avatars' would be published at /eself/, where the notice 'eself' of earlier releases lives.", result.Stderr);
        Assert.False(Directory.Exists(site.PathOf("content/releases/2026-03-01")));
    }

    [Fact]
    public void A_draft_that_changes_nothing_is_published_but_not_announced()
    {
        using var site = TempSite.Sample();
        TestSupport.Cli.Build(site, "--now", "2026-11-26", "--drafts");
        Assert.True(File.Exists(Path.Combine(site.Out, "websites", "draft", "index.html")));
        Assert.Null(Html.Page(site, "websites/").QuerySelector(".banner-draft"));
    }

    private static SortedDictionary<string, string> ArchivedTexts(TempSite site)
    {
        var texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(site.Out, "index.html", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(site.Out, file).Replace('\\', '/');
            if (System.Text.RegularExpressions.Regex.IsMatch(rel, @"/\d{4}-\d{2}-\d{2}/index\.html$") && !rel.Contains("/changes/", StringComparison.Ordinal))
            {
                var page = Html.Load(file);
                texts[rel] = Html.Text(page.QuerySelector("main h1")!) + "\n" + Html.Text(page.QuerySelector("article.notice")!, ".permalink");
            }
        }

        return texts;
    }
}
