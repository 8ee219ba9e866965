using NoticeGen.Check;
using NoticeGen.Check.Content;
using NoticeGen.Compose;
using NoticeGen.Load;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Check.Content;

/// <summary>Each content check fires on a crafted case, says where and what to do, and stays quiet on the sample.</summary>
public sealed class ContentChecksTests
{
    [Fact]
    public void None_of_them_fires_on_the_sample()
    {
        var sink = new DiagnosticSink();
        var working = ContentLoader.LoadWorking(Repo.Root, sink);
        var context = new ContentCheckContext(Repo.Root, working, SitePlanner.Plan(working, sink), new DateOnly(2026, 6, 1), _ => null);
        foreach (var check in new IContentCheck[] { new UnusedFragmentCheck(), new UnusedParameterCheck(), new HardCodedDateCheck(), new NearDuplicateCheck(), new BidiControlCheck() })
        {
            check.Run(context, sink);
        }

        Assert.Empty(sink.Items);
    }

    [Fact]
    public void An_unused_fragment_is_named_at_its_id()
    {
        using var site = TempSite.FromFixture("mini");
        site.Write("content/orphan.md", "---\nid: orphan\ntitle: Orphan\n---\n{{ include \"lonely\" }}\n");
        site.Write("content/lonely.md", "---\nid: lonely\n---\nOnly an unused fragment includes me.\n");
        var findings = Run(site, new UnusedFragmentCheck());
        Assert.Equal(["content/lonely.md:2:5", "content/orphan.md:2:5"], findings.Select(f => f.Where.ToString()));
        Assert.All(findings, f => Assert.Equal(Codes.UnusedFragment, f.Code));
    }

    [Fact]
    public void Parameters_nobody_uses_are_named_where_they_are_defined()
    {
        using var site = TempSite.FromFixture("mini");
        site.Replace("site.yml", "    contact_email: dpo@acme.test", "    contact_email: dpo@acme.test\n    jams_url: https://example.test/jams");
        site.Replace("site.yml", "      product: Acme App", "      product: Acme App\n      old_name: Acme Application");
        site.Write("content/params.md", "---\nid: params\ntitle: P\nparams:\n  hours: 9 to 5\n  days: Monday to Friday\n---\nOpen {{ params.hours }}.\n");
        site.Replace("site.yml", "sections: [covers, contact]", "sections: [covers, contact, params]");
        var findings = Run(site, new UnusedParameterCheck());
        Assert.Equal(
        [
            "content/params.md:6:3: warning: The parameter params.days of the fragment 'params' is not used by any fragment or template. Use it as {{ params.days }} where the text needs it, or remove it. [NG5002]",
            "site.yml:7:5: warning: The parameter site.jams_url of site.yml is not used by any fragment or template. Use it as {{ site.jams_url }} where the text needs it, or remove it. [NG5002]",
            "site.yml:26:7: warning: The parameter notice.old_name of notice 'app' is not used by any fragment or template. Use it as {{ notice.old_name }} where the text needs it, or remove it. [NG5002]",
        ], findings.Select(f => f.ToString()));
    }

    [Theory]
    [InlineData("{{ notice.old_name }}", true)]
    [InlineData("{{ notice . old_name | string.upcase }}", true)]
    [InlineData("{{ notice[\"old_name\"] }}", true)]
    [InlineData("{{ site.notice.old_name }}", true)]
    [InlineData("{{ notice.old_name-2 }}", true)]
    [InlineData("{{ notice.old_names }}", false)]
    [InlineData("{{ notice.old }}", false)]
    [InlineData("{{ notices.old_name }}", false)]
    [InlineData("{{ site.old_name }}", false)]
    public void A_notice_parameter_counts_as_used_exactly_where_the_text_names_it(string use, bool used)
    {
        using var site = TempSite.FromFixture("mini");
        site.Replace("site.yml", "      product: Acme App", "      product: Acme App\n      old_name: Acme Application");
        site.Replace("content/contact.md", "Write to <dpo@acme.test>.", $"Write to <dpo@acme.test>. {use}");
        var findings = Run(site, new UnusedParameterCheck()).Select(f => f.Message).ToList();
        Assert.Equal(used, !findings.Any(m => m.Contains("notice.old_name", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("This notice was last updated on January 1, 2025.", "January 1, 2025")]
    [InlineData("Effective date: 2025-05-04", "2025-05-04")]
    [InlineData("Last revised: 4 May 2025.", "4 May 2025")]
    [InlineData("This policy is effective as of 05/04/2025.", "05/04/2025")]
    [InlineData("LAST UPDATED: Sept. 3rd, 2024", "Sept. 3rd, 2024")]
    public void A_date_typed_next_to_last_updated_is_found_at_the_date(string sentence, string date)
    {
        using var site = TempSite.FromFixture("mini");
        site.Replace("content/contact.md", "Write to <dpo@acme.test>.", sentence + "\n\nWrite to <dpo@acme.test>.");
        var finding = Assert.Single(Run(site, new HardCodedDateCheck()));
        Assert.Equal(Codes.HardCodedDate, finding.Code);
        Assert.Equal(new SourceSpan("content/contact.md", 5, sentence.IndexOf(date, StringComparison.Ordinal) + 1), finding.Where);
        Assert.Contains("{{ page.last_updated }}", finding.Fix);
    }

    [Theory]
    [InlineData("We collected data on January 1, 2025 for the survey.")]
    [InlineData("Last updated: see the top of this page.")]
    public void Dates_that_are_not_stamps_are_left_alone(string sentence)
    {
        using var site = TempSite.FromFixture("mini");
        site.Replace("content/contact.md", "Write to <dpo@acme.test>.", sentence);
        Assert.Empty(Run(site, new HardCodedDateCheck()));
    }

    [Fact]
    public void An_invisible_character_that_reorders_text_is_found_where_it_stands_once_per_line()
    {
        using var site = TempSite.FromFixture("mini");
        // "Trojan Source": the override makes "30 days" display as "syad 03"; the isolates on the last line count as one finding.
        site.Replace("content/contact.md", "Write to <dpo@acme.test>.", "We answer within \u202E30 days\u202C.\n\nAsk \u2067us\u2069 \u2066or\u2069 them.\n\nWrite to <dpo@acme.test>.");
        site.Replace("site.yml", "title: Mini", "title: Mi\u202Dni");

        var findings = Run(site, new BidiControlCheck());

        Assert.Equal(["content/contact.md:5:18", "content/contact.md:7:5", "site.yml:2:12"], findings.Select(f => f.Where.ToString()).Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal(Codes.BidiControl, f.Code));
        Assert.Contains("RIGHT-TO-LEFT OVERRIDE (U+202E)", findings.Single(f => f.Where.Line == 5).Message);
        Assert.Contains("one of 4 such characters on this line", findings.Single(f => f.Where.Line == 7).Message);
    }

    [Fact]
    public void Right_to_left_text_and_its_direction_marks_are_left_alone()
    {
        using var site = TempSite.FromFixture("mini");
        site.Replace("content/contact.md", "Write to <dpo@acme.test>.", "פנו אלינו\u200F בכתובת <dpo@acme.test>\u200E. اتصل بنا\u061C.");

        Assert.Empty(Run(site, new BidiControlCheck()));
    }

    [Fact]
    public void A_near_copy_in_another_fragment_is_named_with_both_places_and_the_words_that_differ()
    {
        using var site = TempSite.FromFixture("mini");
        const string paragraph = "Any inquiries, concerns, or requests regarding the use or disclosure of your Personal Information should be directed to our data protection officer.";
        site.Replace("content/contact.md", "Write to <dpo@acme.test>.", paragraph + "\n\nWrite to <dpo@acme.test>.");
        site.Replace("content/gdpr.md", "Contact us per [](#contact).", paragraph.Replace("disclosure", "sharing", StringComparison.Ordinal) + "\n\nContact us per [](#contact).");
        var finding = Assert.Single(Run(site, new NearDuplicateCheck()));
        Assert.Equal(Codes.NearDuplicate, finding.Code);
        Assert.Equal("content/gdpr.md:6:1", finding.Where.ToString());
        Assert.Contains("like the one at content/contact.md:5:1 ('contact'): “disclosure” → “sharing”.", finding.Message);
        Assert.Contains("Write it once in a shared fragment", finding.Fix);
    }

    [Fact]
    public void A_paragraph_copied_into_many_fragments_is_one_finding_naming_every_copy()
    {
        using var site = TempSite.FromFixture("mini");
        const string paragraph = "Any inquiries, concerns, or requests regarding the use or disclosure of your Personal Information should be directed to our data protection officer.";
        for (var i = 1; i <= 8; i++)
        {
            site.Write($"content/copy{i}.md", $"---\nid: copy{i}\ntitle: Copy {i}\n---\n{paragraph}\n");
        }

        var finding = Assert.Single(Run(site, new NearDuplicateCheck()));
        Assert.Equal("content/copy2.md:5:1", finding.Where.ToString());
        Assert.Equal("This paragraph is word for word the one at content/copy1.md:5:1 ('copy1'). So are 6 more: content/copy3.md:5:1, "
            + "content/copy4.md:5:1, content/copy5.md:5:1, content/copy6.md:5:1, content/copy7.md:5:1 and 1 other(s).", finding.Message);
        Assert.Contains("{{ include }}", finding.Fix);
    }

    private static IReadOnlyList<Diagnostic> Run(TempSite site, IContentCheck check)
    {
        var sink = new DiagnosticSink();
        var working = ContentLoader.LoadWorking(site.Dir, sink);
        check.Run(new ContentCheckContext(site.Dir, working, SitePlanner.Plan(working, sink), new DateOnly(2026, 6, 1), _ => null), sink);
        return sink.Items;
    }
}
