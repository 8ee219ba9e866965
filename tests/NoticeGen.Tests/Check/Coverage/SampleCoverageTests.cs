using NoticeGen.Build;
using NoticeGen.Check;
using NoticeGen.Check.Coverage;
using NoticeGen.Compose;
using NoticeGen.History;
using NoticeGen.Load;
using NoticeGen.Releases;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Check.Coverage;

/// <summary>
/// The sample's tagging checked against the built-in laws, with each page's real stamps from its release history.
/// The findings that remain are true gaps of the sample text; they are pinned here and listed in the README, so a
/// change of tagging or rules shows up as a change of this list.
/// </summary>
public sealed class SampleCoverageTests(SampleCoverageTests.Sample sample) : IClassFixture<SampleCoverageTests.Sample>
{
    /// <summary>
    /// Build date 2026-06-01. Every notice counts as getting data both from the reader and from others (partners, public
    /// sources, data brokers, Account Owners, the reader's organization), so GDPR Art. 13 and 14 both apply.
    /// </summary>
    private static readonly string[] Expected =
    [
        // Websites, California: no CCPA-style breakdown of disclosures, nothing on sharing, sensitive data or agents.
        "websites/california ccpa disclosed.categories",
        "websites/california ccpa sale-sharing.opt-out",
        "websites/california ccpa sensitive.limit",
        "websites/california ccpa retention.per-category",
        "websites/california ccpa requests.verification",
        "websites/california ccpa requests.agent",
        // Websites, Europe: "on the basis of your consent or if we have other lawful grounds" names no legal basis.
        "websites/europe gdpr legal-basis",
        "websites/europe gdpr legitimate-interests",
        "websites/europe uk-gdpr legal-basis",
        "websites/europe uk-gdpr legitimate-interests",
        // Platform, California: Kaltura writes as a service provider and sends readers to the Account Owner.
        "platform/california ccpa disclosed.categories",
        "platform/california ccpa sale-sharing.opt-out",
        "platform/california ccpa sensitive.limit",
        "platform/california ccpa retention.per-category",
        "platform/california ccpa rights.access",
        "platform/california ccpa rights.erasure",
        "platform/california ccpa rights.rectification",
        "platform/california ccpa rights.non-discrimination",
        "platform/california ccpa requests.verification",
        "platform/california ccpa requests.agent",
        // Platform, Europe: Kaltura writes as a processor; the rights are left to the Account Owner, the controller.
        "platform/europe fadp automated-decisions",
        "platform/europe gdpr legal-basis",
        "platform/europe gdpr legitimate-interests",
        "platform/europe gdpr rights.access",
        "platform/europe gdpr rights.rectification",
        "platform/europe gdpr rights.erasure",
        "platform/europe gdpr rights.restriction",
        "platform/europe gdpr rights.portability",
        "platform/europe gdpr rights.objection",
        "platform/europe gdpr consent.withdraw",
        "platform/europe gdpr complaint.authority",
        "platform/europe gdpr statutory-requirement",
        "platform/europe gdpr automated-decisions",
        "platform/europe uk-gdpr legal-basis",
        "platform/europe uk-gdpr legitimate-interests",
        "platform/europe uk-gdpr rights.access",
        "platform/europe uk-gdpr rights.rectification",
        "platform/europe uk-gdpr rights.erasure",
        "platform/europe uk-gdpr rights.restriction",
        "platform/europe uk-gdpr rights.portability",
        "platform/europe uk-gdpr rights.objection",
        "platform/europe uk-gdpr consent.withdraw",
        "platform/europe uk-gdpr complaint.authority",
        "platform/europe uk-gdpr statutory-requirement",
        "platform/europe uk-gdpr automated-decisions",
        // E-Self: no contact details at all (it points to "How to Contact Us" and "Your Rights" sections it does not have).
        "eself/california ccpa disclosed.categories",
        "eself/california ccpa requests.how",
        "eself/california ccpa requests.verification",
        "eself/california ccpa requests.agent",
        "eself/california ccpa controller.contact",
        "eself/europe fadp controller.contact",
        "eself/europe gdpr controller.contact",
        "eself/europe gdpr dpo.contact",
        "eself/europe gdpr complaint.authority",
        "eself/europe gdpr statutory-requirement",
        "eself/europe uk-gdpr controller.contact",
        "eself/europe uk-gdpr dpo.contact",
        "eself/europe uk-gdpr complaint.authority",
        "eself/europe uk-gdpr statutory-requirement",
    ];

    [Fact]
    public void The_samples_remaining_findings_are_exactly_the_listed_gaps()
    {
        Assert.Empty(CoverageEvaluator.UnknownTopics(sample.Rules, sample.Content.Fragments));
        Assert.Equal(Expected, sample.Findings(new DateOnly(2026, 6, 1)).Select(f => f.ToString()));
    }

    [Fact]
    public void Illinois_texas_and_israel_map_to_no_law_so_their_pages_are_not_checked()
    {
        Assert.Equal(["illinois", "texas", "israel"], sample.Laws.Unmapped);
        Assert.DoesNotContain(sample.Findings(new DateOnly(2026, 6, 1)), f => f.Page.AudienceId is "illinois-texas" or "israel" or Audience.EveryoneId);
    }

    [Theory]
    [InlineData("2027-01-01", 0)]
    [InlineData("2027-01-02", 3)]
    public void The_california_pages_fall_due_for_review_twelve_months_after_the_2026_01_01_release(string buildDate, int due)
    {
        var findings = sample.Findings(DateOnly.Parse(buildDate));
        var stale = findings.Where(f => f.Rule.Kind == RuleKind.LastUpdatedWithin).ToList();
        Assert.Equal(due, stale.Count);
        Assert.All(stale, f => Assert.Equal("california", f.Page.AudienceId));
        Assert.Equal(Expected, findings.Except(stale).Select(f => f.ToString()));
        if (due > 0)
        {
            Assert.Contains("websites/california (California residents) was last updated on 2025-01-01 and last reviewed on 2026-01-01", stale[0].Message);
        }
    }

    [Fact]
    public void The_2026_01_01_release_is_a_material_change_of_transfers_on_the_european_pages_only()
    {
        var summaries = new List<string>();
        foreach (var history in sample.Build.Histories.Values.OrderBy(h => h.Key.ToString(), StringComparer.Ordinal))
        {
            var version = history.Versions.Single(v => v.Release.Effective == new DateOnly(2026, 1, 1));
            if (!version.Changed)
            {
                continue;
            }

            var previous = version.Previous!;
            var changedIds = version.Page.Sections
                .Where(s => previous.Page.Sections.FirstOrDefault(p => p.Id == s.Id)?.Html != s.Html)
                .Select(s => s.Id);
            var sections = MaterialChanges.Sections(previous.Release.Content, version.Release.Content, changedIds, sample.Content);
            var readers = PageJurisdictions.Readers(sample.Content.Site, version.Page.Plan.Audience);
            summaries.Add($"{history.Key}: {MaterialChanges.Evaluate(sample.Rules, sample.Laws, readers, sections).Summary}");
        }

        // Only the Websites notice's DPF passage (EU, UK, Swiss readers) changed: the full notice and the Europe page.
        Assert.Equal(["websites/all: material change: transfers", "websites/europe: material change: transfers"], summaries);
    }

    /// <summary>
    /// The working sample planned, the built-in rules, and the release history. The build dates tested all fall after
    /// the last release (2026-01-01), so the same release is in force for each.
    /// </summary>
    public sealed class Sample
    {
        public Sample()
        {
            Content = ContentLoader.LoadWorking(Repo.Root);
            var diagnostics = new DiagnosticSink();
            Plan = SitePlanner.Plan(Content, diagnostics);
            Rules = RuleLoader.Load(Repo.Root, diagnostics);
            Laws = LawMap.Resolve(Rules, Content.Site.Jurisdictions.Select(j => j.Id), null, diagnostics);
            Build = SiteBuilder.Build(new BuildRequest(Repo.Root, new DateOnly(2026, 6, 1), Drafts: false), new DiagnosticSink());
            Assert.False(diagnostics.HasErrors);
        }

        public ContentSet Content { get; }

        public SitePlan Plan { get; }

        public RuleSet Rules { get; }

        public LawMap Laws { get; }

        public SiteBuild Build { get; }

        public IReadOnlyList<CoverageFinding> Findings(DateOnly buildDate)
        {
            var inForce = Build.Timeline.Current!;
            return CoverageEvaluator.Evaluate(Rules, Laws, CoveragePages.From(Plan, key =>
            {
                var stamp = Build.Histories[key].At(inForce)!.Stamp;
                return new PageDates(stamp.LastUpdated, stamp.LastReviewed);
            }), buildDate);
        }
    }
}
