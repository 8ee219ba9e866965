using System.Text.RegularExpressions;
using NoticeGen.Load;

namespace NoticeGen.Import;

/// <summary>
/// Guesses which jurisdictions a section is for from the laws and places its title names ("Rights of California Residents
/// under the CCPA" is for California). A section is guessed only when its title names a jurisdiction, and only when all
/// it names lie in one region: a title naming the GDPR and the CCPA together ("Compliance with GDPR, CCPA...") speaks to
/// everyone. The guess then adds the places the section's first paragraph names ("If you are in the EU, the UK or
/// Switzerland ...").
/// </summary>
public static partial class JurisdictionGuesser
{
    private sealed record Rule(string Id, string Name, string Region, Regex Pattern);

    private static readonly Rule[] Rules =
    [
        new("uk", "United Kingdom", "europe", UkPattern()),
        new("eu", "EU/EEA", "europe", EuPattern()),
        new("ch", "Switzerland", "europe", SwissPattern()),
        new("california", "California", "us", CaliforniaPattern()),
        new("virginia", "Virginia", "us", VirginiaPattern()),
        new("colorado", "Colorado", "us", ColoradoPattern()),
        new("connecticut", "Connecticut", "us", ConnecticutPattern()),
        new("utah", "Utah", "us", UtahPattern()),
        new("illinois", "Illinois", "us", IllinoisPattern()),
        new("texas", "Texas", "us", TexasPattern()),
        new("nevada", "Nevada", "us", NevadaPattern()),
        new("brazil", "Brazil", "brazil", BrazilPattern()),
        new("canada", "Canada", "canada", CanadaPattern()),
        new("quebec", "Quebec", "canada", QuebecPattern()),
        new("australia", "Australia", "australia", AustraliaPattern()),
        new("japan", "Japan", "japan", JapanPattern()),
        new("china", "China", "china", ChinaPattern()),
        new("south-korea", "South Korea", "korea", KoreaPattern()),
        new("singapore", "Singapore", "singapore", SingaporePattern()),
        new("india", "India", "india", IndiaPattern()),
        new("israel", "Israel", "israel", IsraelPattern()),
        new("south-africa", "South Africa", "south-africa", SouthAfricaPattern()),
    ];

    /// <summary>The order ids are listed in: Europe's by size of area first, as editors usually write them.</summary>
    private static readonly string[] Order = ["eu", "uk", "ch", .. Rules.Select(r => r.Id).Where(id => id is not ("eu" or "uk" or "ch"))];

    /// <summary>Display names of every jurisdiction the guesser knows, for site.yml.</summary>
    public static string NameOf(string id) => Rules.First(r => r.Id == id).Name;

    public static JurisdictionGuess? Guess(string title, string? firstParagraph)
    {
        var named = Matches(title);
        if (named.Count == 0 || named.Select(m => m.Rule.Region).Distinct().Count() > 1)
        {
            return null;
        }

        var region = named[0].Rule.Region;
        var more = firstParagraph is null ? [] : Matches(firstParagraph).Where(m => m.Rule.Region == region).ToList();
        var all = named.Concat(more).ToList();
        var ids = Order.Where(id => all.Any(m => m.Rule.Id == id)).ToList();
        // One quote per jurisdiction, from the title if it names it, the most telling (longest): "California Consumer Privacy
        // Act" rather than "CCPA".
        var evidence = ids.Select(id => (named.Any(m => m.Rule.Id == id) ? named : more).Where(m => m.Rule.Id == id).MaxBy(m => m.Text.Length).Text).ToList();
        return new JurisdictionGuess(ids, evidence);
    }

    private static List<(Rule Rule, string Text)> Matches(string text)
    {
        var found = new List<(Rule, string)>();
        var covered = new List<(int Start, int End)>();
        foreach (var rule in Rules)
        {
            foreach (Match m in rule.Pattern.Matches(text))
            {
                // "UK GDPR" is the UK's law: the GDPR inside it does not also make the text about the EU.
                if (covered.Any(c => m.Index >= c.Start && m.Index + m.Length <= c.End))
                {
                    continue;
                }

                covered.Add((m.Index, m.Index + m.Length));
                found.Add((rule, m.Value));
            }
        }

        return found.OrderBy(f => text.IndexOf(f.Item2, StringComparison.Ordinal)).ToList();
    }

    [GeneratedRegex(@"\bUK GDPR\b|\bUK General Data Protection Regulation\b|\bUnited Kingdom\b|\bUK\b|\bData Protection Act 2018\b")]
    private static partial Regex UkPattern();

    [GeneratedRegex(@"\bEU GDPR\b|\bGDPR\b|\bGeneral Data Protection Regulation\b|\bEuropean Economic Area\b|\bEuropean Union\b|\bEEA\b|\bEU\b|\bEuropean\b")]
    private static partial Regex EuPattern();

    [GeneratedRegex(@"\bSwitzerland\b|\bSwiss\b|\bFADP\b")]
    private static partial Regex SwissPattern();

    [GeneratedRegex(@"\bCalifornia Consumer Privacy Act\b|\bCalifornia Privacy Rights Act\b|\bCCPA\b|\bCPRA\b|\bCalifornia\b")]
    private static partial Regex CaliforniaPattern();

    [GeneratedRegex(@"\bVirginia\b|\bVCDPA\b")]
    private static partial Regex VirginiaPattern();

    [GeneratedRegex(@"\bColorado\b")]
    private static partial Regex ColoradoPattern();

    [GeneratedRegex(@"\bConnecticut\b|\bCTDPA\b")]
    private static partial Regex ConnecticutPattern();

    [GeneratedRegex(@"\bUtah\b|\bUCPA\b")]
    private static partial Regex UtahPattern();

    [GeneratedRegex(@"\bIllinois\b|\bBIPA\b")]
    private static partial Regex IllinoisPattern();

    [GeneratedRegex(@"\bTexas\b")]
    private static partial Regex TexasPattern();

    [GeneratedRegex(@"\bNevada\b")]
    private static partial Regex NevadaPattern();

    [GeneratedRegex(@"\bLGPD\b|\bBrazil(ian)?\b")]
    private static partial Regex BrazilPattern();

    [GeneratedRegex(@"\bPIPEDA\b|\bCanad(a|ian)\b")]
    private static partial Regex CanadaPattern();

    [GeneratedRegex(@"\bQu[eé]bec\b|\bLaw 25\b")]
    private static partial Regex QuebecPattern();

    [GeneratedRegex(@"\bAustralia(n)?\b|\bAustralian Privacy Principles\b")]
    private static partial Regex AustraliaPattern();

    [GeneratedRegex(@"\bAPPI\b|\bJapan(ese)?\b")]
    private static partial Regex JapanPattern();

    [GeneratedRegex(@"\bPIPL\b|\bPeople[’']s Republic of China\b|\bChina\b")]
    private static partial Regex ChinaPattern();

    [GeneratedRegex(@"\bPIPA\b|\bSouth Korea\b|\bRepublic of Korea\b")]
    private static partial Regex KoreaPattern();

    [GeneratedRegex(@"\bPDPA\b|\bSingapore\b")]
    private static partial Regex SingaporePattern();

    [GeneratedRegex(@"\bDPDP\b|\bIndia\b")]
    private static partial Regex IndiaPattern();

    [GeneratedRegex(@"\bIsrael(i)?\b")]
    private static partial Regex IsraelPattern();

    [GeneratedRegex(@"\bPOPIA\b|\bSouth Africa\b")]
    private static partial Regex SouthAfricaPattern();
}
