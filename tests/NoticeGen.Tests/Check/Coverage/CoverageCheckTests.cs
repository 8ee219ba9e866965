using NoticeGen.Check;
using NoticeGen.Check.Coverage;
using NoticeGen.Compose;
using NoticeGen.Load;

namespace NoticeGen.Tests.Check.Coverage;

/// <summary>From a planned site to the check's diagnostics: which jurisdictions each page answers for, and what its sections cover.</summary>
public sealed class CoverageCheckTests
{
    private const string SiteYml = """
        site:
          title: T
        jurisdictions:
          eu: EU
          california: California
          texas: Texas
        audiences:
          - id: california
            name: California residents
            jurisdictions: [california]
        notices:
          - id: web
            title: Web
            intro: web-intro
            sections: [contact, eu-rights, ca-rights]
        """;

    private static readonly DateOnly BuildDate = new(2026, 6, 1);

    [Fact]
    public void The_full_notice_answers_for_the_jurisdictions_no_audience_page_covers()
    {
        var site = SiteLoader.Load(SiteYml);
        Assert.Equal(["eu", "texas"], PageJurisdictions.Checked(site, Audience.Everyone));
        Assert.Equal(["eu", "california", "texas"], PageJurisdictions.Readers(site, Audience.Everyone));
        Assert.Equal(["california"], PageJurisdictions.Checked(site, site.Audiences[0]));
    }

    [Fact]
    public void A_page_covers_the_topics_of_its_intro_its_sections_and_what_they_include()
    {
        var pages = CoveragePages.From(Plan(), _ => PageDates.None);
        var full = pages.Single(p => p.Page.AudienceId == Audience.EveryoneId);
        Assert.Equal(
            ["web-intro: controller.identity", "contact: controller.contact dpo.contact", "eu-rights: rights.access", "ca-rights: rights.erasure"],
            full.Sections.Select(s => $"{s.SectionId}: {string.Join(' ', s.Topics)}"));
        var california = pages.Single(p => p.Page.AudienceId == "california");
        Assert.Equal(["web-intro", "contact", "ca-rights"], california.Sections.Select(s => s.SectionId));
        Assert.Equal(["eu-rights"], california.NotShown.Select(s => s.SectionId));
        Assert.Equal(DataSources.Both, california.Sources);
    }

    [Fact]
    public void The_check_reports_unknown_topics_unmapped_jurisdictions_and_each_pages_findings_at_the_notice()
    {
        var plan = Plan(("typo", "covers: [retension]", "T"));
        var rules = RuleLoader.BuiltIn();
        var laws = LawMap.Resolve(rules, plan.Content.Site.Jurisdictions.Select(j => j.Id), null, new DiagnosticSink());
        var diagnostics = CoverageCheck.Run(plan, rules, laws, _ => new PageDates(new DateOnly(2026, 1, 1), null), BuildDate, _ => DataSources.FromPerson);

        Assert.StartsWith("typo.md:3:10: error: Unknown topic 'retension' in 'covers'. Did you mean 'retention'?", diagnostics[0].ToString());
        Assert.StartsWith("site.yml:6:3: warning: No law's coverage rules apply to the jurisdiction 'texas'", diagnostics[1].ToString());
        var findings = diagnostics.Skip(2).Select(d => d.Message).ToList();
        Assert.All(diagnostics.Skip(2), d => Assert.StartsWith("site.yml:12:5: warning: Page web/", d.ToString()));

        // The full notice answers for the EU (GDPR): the EU rights section is there, the data is the reader's own (Art. 13).
        Assert.DoesNotContain(findings, f => f.StartsWith("Page web/all", StringComparison.Ordinal) && f.Contains("'rights.access'", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("Page web/all (Full notice (everyone)) does not cover 'retention'; gdpr requires it for eu", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.StartsWith("Page web/all", StringComparison.Ordinal) && f.Contains("'source'", StringComparison.Ordinal));

        // The California page lacks the right to know, which the EU section covers but this page does not show.
        Assert.Contains(findings, f => f.StartsWith("Page web/california (California residents) does not cover 'rights.access'; ccpa requires it", StringComparison.Ordinal)
            && f.EndsWith("The notice's section eu-rights covers it, but this page does not show it.", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Contains("'rights.erasure'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_included_fragment_limited_to_some_jurisdictions_covers_its_topics_only_on_their_pages()
    {
        // The DPO's address, limited to the EU, is included by the contact section every page shows; it reaches only EU
        // readers and the full notice, so only their pages are credited with it.
        var pages = CoveragePages.From(PlanWith("jurisdictions: [eu]\ncovers: [dpo.contact]"), _ => PageDates.None);
        Assert.Equal(["controller.contact", "dpo.contact"], pages.Single(p => p.Page.AudienceId == Audience.EveryoneId).Sections.Single(s => s.SectionId == "contact").Topics);
        Assert.Equal(["controller.contact"], pages.Single(p => p.Page.AudienceId == "california").Sections.Single(s => s.SectionId == "contact").Topics);
    }

    private static SitePlan Plan(params (string Id, string Covers, string Body)[] extra) => PlanWith("covers: [dpo.contact]", extra);

    private static SitePlan PlanWith(string dpo, params (string Id, string Covers, string Body)[] extra)
    {
        var model = SiteLoader.Load(SiteYml);
        var known = model.Jurisdictions.Select(j => j.Id).ToHashSet();
        var fragments = new[]
            {
                ("web-intro", "covers: [controller.identity]", "Acme, Inc. runs this site."),
                ("contact", "title: Contact\ncovers: [controller.contact]", "Write to us. {{ include \"dpo\" }}"),
                ("dpo", dpo, "Our DPO: dpo@example.com."),
                ("eu-rights", "title: EU rights\njurisdictions: [eu]\ncovers: [rights.access]", "Access."),
                ("ca-rights", "title: California rights\njurisdictions: [california]\ncovers: [rights.erasure]", "Deletion."),
            }
            .Concat(extra)
            .Select(f => FragmentParser.Parse($"---\nid: {f.Item1}\n{f.Item2}\n---\n{f.Item3}\n", f.Item1 + ".md", known))
            .ToList();
        return SitePlanner.Plan(new ContentSet(model, fragments), new DiagnosticSink());
    }
}
