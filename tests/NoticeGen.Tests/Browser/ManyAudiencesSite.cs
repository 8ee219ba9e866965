using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Browser;

/// <summary>
/// The sample with 60 audiences in three regions (as a notice for every US state with a privacy law would need), no
/// release archive (so every page is the working text), and a wide table and a long word in the first section.
/// </summary>
public static class ManyAudiencesSite
{
    public const int Audiences = 60;

    /// <summary>Region, then how many of the audiences belong to it; they add up to <see cref="Audiences"/>.</summary>
    public static readonly (string Region, int Count)[] Regions = [("United States", 40), ("Europe", 12), ("Asia Pacific", 8)];

    /// <summary>The jurisdiction each generated audience covers, in turn (all known to the sample's site.yml).</summary>
    private static readonly string[] Jurisdictions = ["california", "illinois", "texas", "eu", "uk", "ch", "israel"];

    public const string Table = """

        | Right | Where it applies | How to ask | Answer within |
        | :--- | :---: | ---: | --- |
        | Access to the personal information we hold about you | Every jurisdiction that grants it | privacy-requests-and-subject-access@example.com | 45 days |
        | Deletion | California, EU/EEA, United Kingdom | Call +1 800 871 5224 | 30 days |

        Supercalifragilisticexpialidociousdataprocessingagreementidentifier is the longest word a reader meets here.

        """;

    public static string AudienceName(int index) => $"Residents of region {index + 1:D2}";

    public static TempSite Create()
    {
        var site = TempSite.Sample();
        Directory.Delete(site.PathOf("content/releases"), recursive: true);
        var yaml = new StringBuilder("audiences:\n");
        var n = 0;
        foreach (var (region, count) in Regions)
        {
            for (var i = 0; i < count; i++, n++)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"  - id: region-{n + 1:D2}\n    name: {AudienceName(n)}\n    group: {region}\n");
                yaml.Append(CultureInfo.InvariantCulture, $"    jurisdictions: [{Jurisdictions[n % Jurisdictions.Length]}]\n");
            }
        }

        var siteYml = site.Read("site.yml");
        var block = Regex.Match(siteYml, @"^audiences:\n(?:(?:  .*)?\n)*", RegexOptions.Multiline);
        Assert.True(block.Success, "the sample's site.yml has an audiences block");
        site.Write("site.yml", siteYml.Remove(block.Index, block.Length).Insert(block.Index, yaml.ToString() + "\n"));
        site.Write("content/fragments/websites/websites-covers.md", site.Read("content/fragments/websites/websites-covers.md") + Table);
        return site;
    }
}
