using NoticeGen.Check;
using NoticeGen.Check.Coverage;

namespace NoticeGen.Tests.Check.Coverage;

/// <summary>The shipped rule files say what each law requires, with sources; a site's rules/ folder overrides them; mistakes are located.</summary>
public sealed class RuleLoaderTests
{
    private static readonly RuleSet BuiltIn = RuleLoader.BuiltIn();

    [Fact]
    public void Ships_one_rule_file_per_law()
    {
        Assert.Equal(["ccpa", "colorado", "fadp", "gdpr", "lgpd", "uk-gdpr"], BuiltIn.Laws.Select(l => l.Id));
        Assert.All(BuiltIn.Laws.SelectMany(l => l.Rules), r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
    }

    [Theory]
    [InlineData("gdpr")]
    [InlineData("uk-gdpr")]
    public void Gdpr_requires_every_item_of_articles_13_and_14(string law)
    {
        var rules = BuiltIn.FindLaw(law)!.Rules;
        Assert.Equal(
            ["controller.identity", "controller.contact", "dpo.contact", "purposes", "legal-basis", "legitimate-interests", "categories.collected",
             "recipients", "transfers", "retention", "rights.access", "rights.rectification", "rights.erasure", "rights.restriction",
             "rights.portability", "rights.objection", "consent.withdraw", "complaint.authority", "statutory-requirement", "automated-decisions", "source"],
            rules.Select(r => r.Id));

        // Art. 14 alone asks for the source and the categories of data; Art. 13 alone whether providing the data is required.
        Assert.Equal(["categories.collected", "source"], rules.Where(r => r.AppliesTo == DataSources.FromOthers).Select(r => r.Id));
        Assert.Equal(["statutory-requirement"], rules.Where(r => r.AppliesTo == DataSources.FromPerson).Select(r => r.Id));
        Assert.Equal(law == "gdpr" ? "GDPR Art. 14(2)(f)" : "UK GDPR Art. 14(2)(f)", rules.Single(r => r.Id == "source").Source);
        Assert.Equal(["controller.identity", "purposes", "recipients", "transfers"], rules.Where(r => r.Material).Select(r => r.Id));
    }

    [Fact]
    public void The_uk_gdpr_sends_complaints_to_the_ico()
    {
        Assert.Contains("Information Commissioner (ICO)", BuiltIn.FindLaw("uk-gdpr")!.Rules.Single(r => r.Id == "complaint.authority").Requires);
    }

    [Fact]
    public void Ccpa_requires_the_privacy_policy_items_and_a_date_reviewed_within_12_months()
    {
        var rules = BuiltIn.FindLaw("ccpa")!.Rules;
        Assert.Equal(
            ["categories.collected", "source", "purposes", "disclosed.categories", "sale-sharing.opt-out", "sensitive.limit", "retention.per-category",
             "rights.access", "rights.erasure", "rights.rectification", "rights.non-discrimination", "requests.how", "requests.verification",
             "requests.agent", "controller.contact", "last-updated-present", "last-updated-within"],
            rules.Select(r => r.Id));
        var yearly = rules.Single(r => r.Kind == RuleKind.LastUpdatedWithin);
        Assert.Equal((12, true, "Cal. Civ. Code 1798.130(a)(5)"), (yearly.Months, yearly.ReviewedCounts, yearly.Source));
        Assert.Equal("11 CCR 7011(e)(4)", rules.Single(r => r.Kind == RuleKind.LastUpdatedPresent).Source);
    }

    [Fact]
    public void Colorado_requires_a_date_and_notice_of_material_changes_and_marks_the_rule_6_04_topics_material()
    {
        var rules = BuiltIn.FindLaw("colorado")!.Rules;
        Assert.Equal("4 CCR 904-3 Rule 6.03(A)(8)", rules.Single(r => r.Kind == RuleKind.LastUpdatedPresent).Source);
        Assert.Equal("4 CCR 904-3 Rule 6.04(A)", rules.Single(r => r.Id == "changes").Source);
        Assert.Equal(["categories.collected", "purposes", "sale-sharing.opt-out", "disclosed.categories", "controller.identity", "requests.how"],
            rules.Where(r => r.Material).Select(r => r.Id));
    }

    [Fact]
    public void Lgpd_follows_article_9_and_names_the_rights_of_article_18()
    {
        var rules = BuiltIn.FindLaw("lgpd")!.Rules;
        Assert.All(rules, r => Assert.StartsWith("LGPD Art. 9 ", r.Source));
        Assert.Equal(["I", "II", "III", "IV", "V", "VI", "VII"],
            rules.Select(r => r.Source.Split(' ', ';')[3]).Distinct());
    }

    [Fact]
    public void Every_topic_of_the_vocabulary_has_a_meaning_and_every_rule_topic_is_in_it()
    {
        Assert.All(BuiltIn.Topics, t => Assert.EndsWith(".", t.Meaning));
        Assert.All(BuiltIn.Laws.SelectMany(l => l.Rules).Where(r => r.Topic is not null), r => Assert.NotNull(BuiltIn.FindTopic(r.Topic!)));
    }

    [Fact]
    public void A_site_rule_file_replaces_the_built_in_law_of_its_id_and_a_new_id_adds_a_law_with_its_own_topics()
    {
        var rules = RuleLoader.Build(
        [
            new RuleFile("rules/gdpr.yml", "name: GDPR, our reading\ndefault-jurisdictions: [eu]\nrules:\n  - topic: purposes\n    requires: Purposes.\n    source: GDPR Art. 13(1)(c)\n"),
            new RuleFile("rules/example-act.yml", """
                name: Example State Privacy Act
                default-jurisdictions: [example-state]
                topics:
                  requests.appeal-ag: How to appeal a refusal, and how to contact the Attorney General if the appeal is denied.
                rules:
                  - topic: requests.appeal-ag
                    requires: How to appeal a refusal, and how to complain to the Attorney General.
                    source: Example State Privacy Act s. 5(c)
                """),
        ], new DiagnosticSink());

        Assert.Equal(["purposes"], rules.FindLaw("gdpr")!.Rules.Select(r => r.Id));
        Assert.Equal("rules/gdpr.yml", rules.FindLaw("gdpr")!.File);
        Assert.Equal(21, rules.FindLaw("uk-gdpr")!.Rules.Count);  // the other built-in laws stay
        Assert.Equal(["example-state"], rules.FindLaw("example-act")!.DefaultJurisdictions);
        Assert.NotNull(rules.FindTopic("requests.appeal-ag"));
    }

    [Fact]
    public void Load_reads_the_sites_rules_folder_and_warns_about_a_yaml_extension()
    {
        var dir = Directory.CreateTempSubdirectory("noticegen-rules-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "rules"));
            File.WriteAllText(Path.Combine(dir, "rules", "ccpa.yml"), "name: CCPA\nrules: []\n");
            File.WriteAllText(Path.Combine(dir, "rules", "lgpd.yaml"), "name: LGPD\nrules: []\n");
            var diagnostics = new DiagnosticSink();
            var rules = RuleLoader.Load(dir, diagnostics);
            Assert.Empty(rules.FindLaw("ccpa")!.Rules);
            Assert.NotEmpty(rules.FindLaw("lgpd")!.Rules);
            Assert.Equal("rules/lgpd.yaml:1:1: warning: This rule file is ignored: rule files end in '.yml'. Rename it to lgpd.yml. [NG6006]",
                Assert.Single(diagnostics.Items).ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static TheoryData<string, string, string> Mistakes() => new()
    {
        {
            "rules/test.yml", "name: T\nrules:\n  - topic: rights.acess\n    requires: Access.\n    source: Art. 1\n",
            "rules/test.yml:3:12: error: The rule names the unknown topic 'rights.acess'. Did you mean 'rights.access'?"
        },
        {
            "rules/test.yml", "name: T\nrules:\n  - topic: retention\n    requries: How long.\n    source: Art. 1\n",
            "rules/test.yml:4:5: error: Unknown key 'requries' in a rule. Did you mean 'requires'?"
        },
        {
            "rules/test.yml", "name: T\nrules:\n  - topic: retention\n    requires: How long.\n",
            "rules/test.yml:3:5: error: This rule has no 'source'."
        },
        {
            "rules/test.yml", "name: T\nrules:\n  - kind: last-update-within\n    requires: Yearly.\n    source: Art. 1\n",
            "rules/test.yml:3:11: error: Unknown rule kind 'last-update-within'. Did you mean 'last-updated-within'?"
        },
        {
            "rules/test.yml", "name: T\nrules:\n  - kind: last-updated-within\n    months: twelve\n    requires: Yearly.\n    source: Art. 1\n",
            "rules/test.yml:4:13: error: A 'last-updated-within' rule needs 'months': a whole number from 1 to 120."
        },
        {
            "rules/test.yml", "name: T\nrules:\n  - topic: source\n    applies-to: art14\n    requires: Source.\n    source: Art. 14\n",
            "rules/test.yml:4:17: error: Unknown 'applies-to' value 'art14'."
        },
        {
            "rules/test.yml", "name: T\nrules:\n  - topic: retention\n    requires: How long: forever.\n    source: Art. 1\n",
            "rules/test.yml:4:23: error: This is not valid YAML"
        },
        {
            "rules/Test Law.yml", "name: T\nrules: []\n",
            "rules/Test Law.yml:1:1: error: 'Test Law' is not a valid law id; a rule file's name is the id of its law."
        },
        {
            "rules/test.yml", "name: T\nrules:\n  - topic: retention\n    requires: A.\n    source: Art. 1\n  - topic: retention\n    requires: B.\n    source: Art. 2\n",
            "rules/test.yml:6:12: error: The law 'test' has two 'retention' rules."
        },
        {
            "rules/test.yml", "name: T\ntopics:\n  retention: Our own meaning.\nrules: []\n",
            "rules/test.yml:3:3: error: The topic 'retention' is already defined (built-in:topics.yml)."
        },
        {
            "rules/test.yml", "rules: []\n",
            "rules/test.yml:1:1: error: This rule file has no 'name'."
        },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_in_a_rule_file_is_located_and_explained(string file, string text, string expected)
    {
        var error = Assert.Throws<UserErrorException>(() => RuleLoader.Build([new RuleFile(file, text)], new DiagnosticSink()));
        Assert.StartsWith(expected, Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void Every_mistake_in_every_rule_file_is_reported_at_once()
    {
        var error = Assert.Throws<UserErrorException>(() => RuleLoader.Build(
        [
            new RuleFile("rules/a.yml", "name: A\nrules:\n  - topic: purpose\n    requires: P.\n    source: S\n  - topic: retention\n    requires: R.\n"),
            new RuleFile("rules/b.yml", "name: B\nrules: {}\n"),
        ], new DiagnosticSink()));
        Assert.Equal(["rules/a.yml:3:12", "rules/a.yml:6:5", "rules/b.yml:2:8"], error.Diagnostics.Select(d => d.Where.ToString()));
    }
}
