using NoticeGen.Check;
using NoticeGen.Check.Coverage;
using NoticeGen.Load;

namespace NoticeGen.Tests.Check.Coverage;

/// <summary>Each rule kind fires on a page that misses it and stays quiet on a page that meets it.</summary>
public sealed class CoverageEvaluatorTests
{
    private static readonly DateOnly BuildDate = new(2026, 6, 1);

    private static readonly RuleSet Rules = RuleLoader.Build(
    [
        new RuleFile("rules/test-act.yml", """
            name: Test Act
            default-jurisdictions: [testland]
            rules:
              - topic: retention
                requires: How long data is kept.
                source: Test Act s. 1
              - topic: source
                requires: Where the data comes from.
                source: Test Act s. 2
                applies-to: data-from-others
              - topic: statutory-requirement
                requires: Whether the data must be given.
                source: Test Act s. 3
                applies-to: data-from-person
              - kind: last-updated-present
                requires: The date of the last update.
                source: Test Act s. 4
              - kind: last-updated-within
                months: 12
                reviewed-counts: true
                requires: A yearly review.
                source: Test Act s. 5
            """),
        new RuleFile("rules/strict-act.yml", """
            name: Strict Act
            default-jurisdictions: [strictland]
            rules:
              - kind: last-updated-within
                months: 6
                requires: An update every six months; a review does not count.
                source: Strict Act s. 1
            """),
    ], new DiagnosticSink());

    private static readonly LawMap Laws = LawMap.Resolve(Rules, ["testland", "strictland", "nowhere"], null, new DiagnosticSink());

    private static readonly PageDates Recent = new(new DateOnly(2026, 5, 1), null);

    [Fact]
    public void A_topic_rule_fires_when_no_section_covers_the_topic_and_says_what_to_do()
    {
        var finding = Assert.Single(Findings(Page(["testland"], [("intro", []), ("contact", ["statutory-requirement", "source"])])));
        Assert.Equal("web/testland test-act retention", finding.ToString());
        Assert.Equal(["testland"], finding.Jurisdictions);
        Assert.Equal(
            "site.yml:7:5: warning: Page web/testland (Testland readers) does not cover 'retention'; test-act requires it for testland: How long data is kept (Test Act s. 1). "
            + "Add a section covering retention, or add `covers: [retention]` to the section that does. [NG6001]",
            finding.ToDiagnostic().ToString());
    }

    [Fact]
    public void A_topic_rule_is_quiet_when_any_section_on_the_page_covers_the_topic()
    {
        Assert.Empty(Findings(Page(["testland"], [("a", ["statutory-requirement"]), ("b", ["source", "retention"])])));
    }

    [Fact]
    public void A_finding_names_the_section_that_covers_the_topic_but_is_not_shown_on_the_page()
    {
        var page = Page(["testland"], [("a", ["statutory-requirement", "source"])]) with { NotShown = [new SectionTopics("eu-retention", ["retention"])] };
        Assert.EndsWith("The notice's section eu-retention covers it, but this page does not show it.", Assert.Single(Findings(page)).Message);
    }

    [Theory]
    [InlineData(DataSources.FromPerson, "statutory-requirement")]
    [InlineData(DataSources.FromOthers, "source")]
    [InlineData(DataSources.Both, "source statutory-requirement")]
    public void Rules_limited_to_data_from_the_person_or_from_others_apply_only_to_such_notices(DataSources sources, string expected)
    {
        var page = Page(["testland"], [("a", ["retention"])]) with { Sources = sources };
        Assert.Equal(expected, string.Join(' ', Findings(page).Select(f => f.Rule.Id)));
    }

    [Fact]
    public void The_last_updated_rule_fires_on_a_page_never_released_and_is_quiet_once_it_has_a_date()
    {
        var page = Page(["testland"], [("a", ["retention", "source", "statutory-requirement"])]);
        var unreleased = Findings(page with { Dates = PageDates.None });
        Assert.Equal(["last-updated-present", "last-updated-within"], unreleased.Select(f => f.Rule.Id));
        Assert.Contains("has no last-updated date: it has never been released", unreleased[0].Message);
        Assert.StartsWith("Release the notice", unreleased[0].Fix);
        Assert.Empty(Findings(page));
    }

    [Theory]
    [InlineData("testland", "2025-06-01", null, false)]          // exactly 12 months before the build date
    [InlineData("testland", "2025-05-31", null, true)]           // one day more
    [InlineData("testland", "2024-01-01", "2025-07-01", false)]  // a review within 12 months counts under this law
    [InlineData("testland", "2024-01-01", "2025-05-01", true)]
    [InlineData("strictland", "2025-12-01", null, false)]
    [InlineData("strictland", "2025-11-30", "2026-05-01", true)] // a review does not count under this one
    public void The_last_updated_within_rule_compares_the_latest_date_it_counts_with_the_build_date(string jurisdiction, string updated, string? reviewed, bool fires)
    {
        var dates = new PageDates(DateOnly.Parse(updated), reviewed is null ? null : DateOnly.Parse(reviewed));
        var page = Page([jurisdiction], [("a", ["retention", "source", "statutory-requirement"])]) with { Dates = dates };
        var findings = Findings(page);
        Assert.Equal(fires, findings.Count == 1);
        if (fires)
        {
            Assert.Contains($"was last updated on {updated}", findings[0].Message);
            Assert.Contains("before the build date 2026-06-01", findings[0].Message);
        }
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("0001-06-30")]
    public void The_last_updated_within_rule_in_the_first_months_of_year_one_has_nothing_to_count_back_to(string date)
    {
        // Counting 12 months back from these build dates would fall before 0001-01-01, which no date can be.
        var buildDate = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var page = Page(["testland", "strictland"], [("a", ["retention", "source", "statutory-requirement"])]) with { Dates = new(DateOnly.MinValue, null) };
        Assert.Empty(CoverageEvaluator.Evaluate(Rules, Laws, [page], buildDate));
    }

    [Fact]
    public void A_review_that_counts_is_what_the_fix_suggests()
    {
        var page = Page(["testland"], [("a", ["retention", "source", "statutory-requirement"])]) with { Dates = new(new DateOnly(2024, 1, 1), null) };
        Assert.StartsWith("Review the notice and release it", Assert.Single(Findings(page)).Fix);
    }

    [Fact]
    public void A_page_whose_jurisdictions_map_to_no_law_has_no_findings()
    {
        Assert.Empty(Findings(Page(["nowhere"], [])));
        Assert.Empty(Findings(Page([], [])));
        Assert.Equal(["nowhere"], Laws.Unmapped);
    }

    [Fact]
    public void A_page_of_several_jurisdictions_meets_each_of_their_laws_once()
    {
        var laws = LawMap.Resolve(RuleLoader.BuiltIn(), ["eu", "uk", "ch"], null, new DiagnosticSink());
        var page = Page(["eu", "uk", "ch"], [("a", ["retention"])]);
        var findings = CoverageEvaluator.Evaluate(RuleLoader.BuiltIn(), laws, [page], BuildDate);
        Assert.Equal(["fadp", "gdpr", "uk-gdpr"], findings.Select(f => f.Law.Id).Distinct());
        Assert.Equal(20, findings.Count(f => f.Law.Id == "gdpr"));  // every rule of Art. 13 and 14 but retention
        Assert.Contains(findings, f => f.ToString() == "web/testland gdpr source" && f.Message.Contains("(GDPR Art. 14(2)(f))", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_topic_in_covers_is_an_error_where_it_is_written_with_the_closest_topic()
    {
        var fragment = FragmentParser.Parse("---\nid: rights\ncovers: [rights.acess, retention, sale-sharing]\n---\nText\n", "content/rights.md", new HashSet<string>());
        var errors = CoverageEvaluator.UnknownTopics(RuleLoader.BuiltIn(), [fragment]);
        Assert.Equal(
        [
            "content/rights.md:3:10: error: Unknown topic 'rights.acess' in 'covers'. Did you mean 'rights.access'? Use a topic id of the vocabulary (the topic table in the README), or define the topic under 'topics:' in a rule file in rules/. [NG6003]",
            "content/rights.md:3:35: error: Unknown topic 'sale-sharing' in 'covers'. Use a topic id of the vocabulary (the topic table in the README), or define the topic under 'topics:' in a rule file in rules/. [NG6003]",
        ], errors.Select(e => e.ToString()));
    }

    private static List<CoverageFinding> Findings(CoveragePage page) => CoverageEvaluator.Evaluate(Rules, Laws, [page], BuildDate).ToList();

    private static CoveragePage Page(string[] jurisdictions, (string Id, string[] Topics)[] sections) => new(
        new PageIdentity("web", "testland", "Testland readers", new SourceSpan("site.yml", 7, 5)),
        jurisdictions,
        sections.Select(s => new SectionTopics(s.Id, s.Topics)).ToList(),
        [],
        Recent,
        DataSources.Both);
}
