using System.Globalization;
using System.Text;

namespace NoticeGen.Bench.SiteGen;

/// <summary>
/// Draws a synthetic site from the corpus: about 1 KB of the sample's paragraphs per fragment, some fragments limited to one
/// jurisdiction, a few with a cross-reference to another section of the same notice, a few using notice and site parameters.
/// </summary>
public static class SiteComposer
{
    /// <summary>Bytes of Markdown a fragment body reaches before it stops taking paragraphs (the mean lands near 1 KB).</summary>
    public const int FragmentBytes = 750;

    /// <summary>Percentages of fragments (after the first of each notice) limited to a jurisdiction, with a reference, with parameters.</summary>
    public const int TaggedPercent = 25;
    public const int ReferencePercent = 10;
    public const int ParameterPercent = 15;

    private static readonly (string Id, string Name, string Audience)[] KnownJurisdictions =
    [
        ("california", "California", "California residents"),
        ("eu", "EU/EEA", "EU and EEA residents"),
        ("uk", "United Kingdom", "United Kingdom residents"),
        ("brazil", "Brazil", "Brazil residents"),
        ("canada", "Canada", "Canada residents"),
        ("japan", "Japan", "Japan residents"),
        ("israel", "Israel", "Israel residents"),
        ("virginia", "Virginia", "Virginia residents"),
        ("colorado", "Colorado", "Colorado residents"),
        ("texas", "Texas", "Texas residents"),
    ];

    public static SyntheticSite Compose(WorkloadSpec spec, Corpus corpus)
    {
        spec.Validate();
        var rng = new Pcg32(spec.Seed);
        var jurisdictions = Enumerable.Range(0, spec.Audiences).Select(JurisdictionAt).ToList();
        var audiences = jurisdictions.Select((j, i) => new SyntheticAudience(j.Id, AudienceNameAt(i), j.Id)).ToList();
        var notices = new List<SyntheticNotice>(spec.Notices);
        for (var n = 1; n <= spec.Notices; n++)
        {
            // One generator per notice: a notice's text does not depend on how many draws the notices before it took.
            notices.Add(ComposeNotice(n, spec, corpus, jurisdictions, rng.Fork((ulong)n)));
        }

        return new SyntheticSite("Example Privacy Notices", "Example Corp.", "privacy@example.com", "https://example.com/legal/privacy/",
            jurisdictions, audiences, notices);
    }

    private static SyntheticNotice ComposeNotice(int number, WorkloadSpec spec, Corpus corpus, List<SyntheticJurisdiction> jurisdictions, Pcg32 rng)
    {
        var id = Invariant($"n{number:D4}");
        var product = Invariant($"Example Product {number}");
        var ids = Enumerable.Range(1, spec.Fragments).Select(f => Invariant($"{id}-s{f:D2}")).ToList();

        // The first section is never limited, so every notice has a section that any page can refer to.
        var tags = ids.Select((_, i) => i > 0 && jurisdictions.Count > 0 && rng.Chance(TaggedPercent) ? rng.Pick(jurisdictions).Id : null).ToList();
        var sections = new List<SyntheticFragment>(spec.Fragments);
        for (var i = 0; i < ids.Count; i++)
        {
            var blocks = DrawBlocks(corpus, rng);
            if (rng.Chance(ParameterPercent))
            {
                AppendSentence(blocks, "This applies to your use of the {{ notice.product }}, provided by {{ site.organization }}.", rng);
            }

            // A reference must find its target on every page that shows the referring section: only untagged sections qualify.
            var targets = ids.Where((t, j) => j != i && tags[j] is null).ToList();
            if (targets.Count > 0 && rng.Chance(ReferencePercent))
            {
                AppendSentence(blocks, $"See [](#{rng.Pick(targets)}) for more details.", rng);
            }

            sections.Add(new SyntheticFragment(ids[i], id, rng.Pick(corpus.Titles), tags[i], string.Join("\n\n", blocks) + "\n"));
        }

        return new SyntheticNotice(id, $"Privacy Notice for the {product}", product, sections);
    }

    private static List<string> DrawBlocks(Corpus corpus, Pcg32 rng)
    {
        var blocks = new List<string>();
        var bytes = 0;
        while (bytes < FragmentBytes)
        {
            var block = rng.Pick(corpus.Blocks);
            blocks.Add(block);
            bytes += Encoding.UTF8.GetByteCount(block) + 2;
        }

        return blocks;
    }

    /// <summary>Adds a sentence at the end of a paragraph of running text, or as a paragraph of its own when there is none.</summary>
    private static void AppendSentence(List<string> blocks, string sentence, Pcg32 rng)
    {
        var prose = blocks.Select((b, i) => (b, i)).Where(p => Corpus.IsProse(p.b)).Select(p => p.i).ToList();
        if (prose.Count == 0)
        {
            blocks.Add(sentence);
            return;
        }

        var at = rng.Pick(prose);
        blocks[at] = blocks[at].TrimEnd() + " " + sentence;
    }

    private static SyntheticJurisdiction JurisdictionAt(int index) =>
        index < KnownJurisdictions.Length
            ? new SyntheticJurisdiction(KnownJurisdictions[index].Id, KnownJurisdictions[index].Name)
            : new SyntheticJurisdiction(Invariant($"region-{index + 1}"), Invariant($"Region {index + 1}"));

    private static string AudienceNameAt(int index) =>
        index < KnownJurisdictions.Length ? KnownJurisdictions[index].Audience : Invariant($"Region {index + 1} residents");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
