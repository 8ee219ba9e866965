using NoticeGen.Check;
using NoticeGen.Check.Coverage;

namespace NoticeGen.Tests.Check.Coverage;

/// <summary>Jurisdictions map to laws by the rule files' defaults unless the site names their laws itself.</summary>
public sealed class LawMapTests
{
    private static readonly RuleSet Rules = RuleLoader.BuiltIn();

    [Fact]
    public void Well_known_jurisdiction_ids_map_to_their_laws_by_default()
    {
        var map = LawMap.Resolve(Rules, ["eu", "eea", "uk", "ch", "california", "colorado", "brazil", "israel"], null, new DiagnosticSink());
        Assert.Equal(
            ["eu:gdpr", "eea:gdpr", "uk:uk-gdpr", "ch:fadp", "california:ccpa", "colorado:colorado", "brazil:lgpd", "israel:"],
            map.LawsByJurisdiction.Select(kv => $"{kv.Key}:{string.Join('+', kv.Value)}"));
        Assert.Equal(["israel"], map.Unmapped);
    }

    [Fact]
    public void The_sites_mapping_replaces_the_defaults_and_an_empty_list_says_no_law_applies()
    {
        var map = LawMap.Resolve(Rules, ["eu", "israel", "texas"], new Dictionary<string, IReadOnlyList<string>>
        {
            ["eu"] = ["gdpr", "fadp"],
            ["israel"] = [],
        }, new DiagnosticSink());
        Assert.Equal(["fadp", "gdpr"], map.LawsOf(["eu"]).Select(l => l.LawId));
        Assert.Empty(map.LawsOf(["israel"]));
        Assert.Equal(["texas"], map.Unmapped);
    }

    [Fact]
    public void LawsOf_names_each_law_once_with_the_jurisdictions_that_bring_it_in()
    {
        var map = LawMap.Resolve(Rules, ["eu", "eea", "uk"], null, new DiagnosticSink());
        Assert.Equal(["gdpr:eu,eea", "uk-gdpr:uk"], map.LawsOf(["eu", "uk", "eea", "eu"]).Select(l => $"{l.LawId}:{string.Join(',', l.Jurisdictions)}"));
    }

    [Fact]
    public void A_law_no_rule_file_defines_is_a_located_error_with_the_closest_law()
    {
        var diagnostics = new DiagnosticSink();
        LawMap.Resolve(Rules, ["eu"], new Dictionary<string, IReadOnlyList<string>> { ["eu"] = ["gdrp"] }, diagnostics, j => new SourceSpan("site.yml", 12, 9));
        Assert.Equal(
            "site.yml:12:9: error: The jurisdiction 'eu' names the law 'gdrp', but no rule file defines it. Did you mean 'gdpr'? Use one of ccpa, colorado, fadp, gdpr, lgpd, uk-gdpr, or add rules/gdrp.yml. [NG1007]",
            Assert.Single(diagnostics.Items).ToString());
    }
}
