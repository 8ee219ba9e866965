using CsCheck;
using NoticeGen.Check.Content;
using NoticeGen.Import;
using NoticeGen.Load;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Check.Content;

public sealed class NearDuplicateFinderTests
{
    /// <summary>The sections the sample site shares between the Websites and Platform notices, by their title in the seed.</summary>
    public static TheoryData<string> SharedSections() => new(
        "Retention of information",
        "Confidentiality, security, and data integrity",
        "Cross-border Personal Information transfers",
        "Contacting Kaltura about this Privacy Notice",
        "Changes to this Privacy Notice");

    [Theory]
    [MemberData(nameof(SharedSections))]
    public void On_the_seed_split_without_sharing_it_finds_the_sections_the_sample_merged(string title)
    {
        var (fragments, noticeOf) = SeedWithoutSharing();
        var websites = Assert.Single(fragments, f => f.Title == title && noticeOf[f.Id] == "websites");
        var platform = Assert.Single(fragments, f => f.Title == title && noticeOf[f.Id] == "platform");

        var pairs = NearDuplicateFinder.Find(fragments.SelectMany(FragmentParagraphs.Of).ToList()).Pairs;

        Assert.Contains(pairs, p => new[] { p.First.FragmentId, p.Second.FragmentId }.Order().SequenceEqual(new[] { websites.Id, platform.Id }.Order()));
    }

    [Fact]
    public void On_the_seed_the_retention_pair_names_the_words_that_differ_and_where_both_are()
    {
        var (fragments, noticeOf) = SeedWithoutSharing();
        var pairs = NearDuplicateFinder.Find(fragments.SelectMany(FragmentParagraphs.Of).ToList()).Pairs;

        var retention = Assert.Single(pairs, p => p.First.Text.StartsWith("We may retain", StringComparison.Ordinal));
        Assert.Equal("websites", noticeOf[retention.First.FragmentId]);
        Assert.Equal("platform", noticeOf[retention.Second.FragmentId]);
        Assert.Equal(new WordChange(string.Empty, "on the Kaltura Platform"), Assert.Single(retention.Changes));
        Assert.Equal(5, retention.First.Line); // the body starts after four lines of front matter
        Assert.EndsWith($"{retention.First.FragmentId}.md", retention.First.File, StringComparison.Ordinal);
        Assert.Contains("parameter", retention.Suggestion, StringComparison.Ordinal);
    }

    /// <summary>
    /// The sample keeps three near-duplicate paragraphs apart on purpose: merging them would change the words of a page
    /// (the seed words them differently, and the sample reproduces the seed word for word). The measure must find these
    /// and nothing else: the shared sections the sample did merge are one fragment, so they are no longer pairs.
    /// </summary>
    [Fact]
    public void On_the_sample_sites_own_fragments_it_finds_none()
    {
        var working = ContentLoader.LoadWorking(Repo.Root);
        var paragraphs = working.Fragments.SelectMany(FragmentParagraphs.Of).ToList();
        Assert.True(paragraphs.Count > 100, "the sample's paragraphs were not read");

        // The sample once kept three of the seed's near-copies apart (two wordings of the Account Owner paragraph, the
        // Platform's longer definition of Personal Information, the GDPR sentence with and without its full stop); they
        // are now one fragment each, with a parameter or an {{ if }} for what differs, so the check finds none.
        Assert.Empty(NearDuplicateFinder.Find(paragraphs).Pairs);
    }

    [Fact]
    public void Paragraphs_of_a_fragment_keep_the_files_line_numbers_and_split_list_items()
    {
        var fragment = FragmentParser.Parse("---\nid: a\ntitle: A\n---\nFirst paragraph\nstill first.\n\n- one\n- two\n\n{{ if applies \"eu\" }}\n\nLast.\n", "a.md", new HashSet<string> { "eu" });

        var paragraphs = FragmentParagraphs.Of(fragment).ToList();

        Assert.Equal([(5, "First paragraph\nstill first."), (8, "- one"), (9, "- two"), (11, "{{ if applies \"eu\" }}"), (13, "Last.")],
            paragraphs.Select(p => (p.Line, p.Text)));
    }

    [Fact]
    public void Similarity_is_twice_the_common_words_over_both_counts_ignoring_case_and_punctuation()
    {
        var a = ComparableWords.Of("We keep your data for as long as the law requires, and no longer than that.");
        var b = ComparableWords.Of("we keep YOUR data for as long as the LAW requires and not longer than that");

        // 16 words each; "no" and "not" differ: 2·15 / 32.
        Assert.Equal(2.0 * 15 / 32, WordComparison.Similarity(a, b), 10);
        Assert.Equal(new WordChange("no", "not"), Assert.Single(WordComparison.Changes(a, b)));
    }

    [Fact]
    public void Template_code_is_not_compared_but_the_text_inside_an_if_is()
    {
        var shared = "We may retain your information for any lawfully permitted period of time, as our legal obligations require.";
        var withCode = "We may retain your information {{ if notice.id == \"platform\" }}for any {{ end }}lawfully permitted period of time, as our legal obligations require.";

        var pairs = NearDuplicateFinder.Find([new Paragraph("a", "a.md", 3, shared), new Paragraph("b", "b.md", 7, withCode)]).Pairs;

        var pair = Assert.Single(pairs);
        Assert.Equal(1.0, pair.Similarity);
        Assert.Empty(pair.Changes);
    }

    [Fact]
    public void Pairs_inside_one_fragment_and_short_paragraphs_do_not_count()
    {
        var long1 = "If you are a resident of California you have the right to know what we collect about you.";
        var shortText = "Contact us at the address below.";

        var pairs = NearDuplicateFinder.Find([
            new Paragraph("ccpa", "ccpa.md", 3, long1), new Paragraph("ccpa", "ccpa.md", 9, long1),
            new Paragraph("a", "a.md", 3, shortText), new Paragraph("b", "b.md", 3, shortText),
        ]).Pairs;

        Assert.Empty(pairs);
    }

    [Fact]
    public void A_pair_below_the_threshold_is_not_reported()
    {
        var a = "We share personal information with service providers that host and secure the service for us under contract.";
        var b = "We share personal information with advertising partners that show you offers and measure campaigns for us.";

        Assert.Empty(NearDuplicateFinder.Find([new Paragraph("a", "a.md", 1, a), new Paragraph("b", "b.md", 1, b)]).Pairs);
    }

    /// <summary>The filters skip work, never a pair: on random paragraphs the finder reports exactly what comparing all pairs does.</summary>
    [Fact]
    public void A_pair_exactly_at_the_threshold_is_found_whatever_the_rounding_of_the_length_filter()
    {
        // Found by the property below (seed 9ZOHzZZTzdS1): 27 words against 25, 2·25/52 = 25/26 exactly, where
        // 27 × (25/26)/(2 − 25/26) comes out a hair above 25 in floating point.
        var first = new Paragraph("f0", "x.md", 1, "w24 you w28 w16 w20 w19 your w37 w27 w40 your w19 w11 w20 w8 you w17 w30 to w36 w8 w35 and w33 w14 w15 w26");
        var second = new Paragraph("f1", "x.md", 2, "w24 you w28 w16 w20 w19 your w27 w40 your w19 w20 w8 you w17 w30 to w36 w8 w35 and w33 w14 w15 w26");

        var pair = Assert.Single(NearDuplicateFinder.Find([first, second], 25d / 26, minimumWords: 1).Pairs);

        Assert.Equal(25d / 26, pair.Similarity);
    }

    [Fact]
    public void Filtering_loses_no_pair_that_comparing_every_pair_finds()
    {
        // Variants of a few base paragraphs, each a few word edits away, so that many pairs sit near any threshold.
        var word = Gen.Int[0, 40].Select(i => i < 8 ? new[] { "the", "we", "your", "data", "of", "to", "and", "you" }[i] : "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var edit = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1000], word, (kind, at, w) => (Kind: kind, At: at, Word: w));
        var variant = Gen.Select(Gen.Int[0, 2], edit.Array[0, 6], (b, edits) => (Base: b, Edits: edits));
        var gen = Gen.Select(word.Array[12, 30].Array[3], variant.Array[2, 14], Gen.Int[0, 3], Gen.Double[0.6, 0.97], (bases, variants, fragments, threshold) =>
            (Paragraphs: variants.Select((v, i) =>
            {
                var words = bases[v.Base].ToList();
                foreach (var (kind, at, w) in v.Edits)
                {
                    var position = at % (words.Count + 1);
                    if (kind == 0 && position < words.Count)
                    {
                        words[position] = w;
                    }
                    else if (kind == 1)
                    {
                        words.Insert(position, w);
                    }
                    else if (position < words.Count && words.Count > 1)
                    {
                        words.RemoveAt(position);
                    }
                }

                return new Paragraph("f" + (i % (fragments + 2)), "x.md", i + 1, string.Join(' ', words));
            }).ToList(), Threshold: threshold));

        gen.Sample(input =>
        {
            var found = NearDuplicateFinder.Find(input.Paragraphs, input.Threshold, minimumWords: 1).Pairs.Select(p => (p.First.Line, p.Second.Line)).ToHashSet();
            var expected = new HashSet<(int, int)>();
            for (var i = 0; i < input.Paragraphs.Count; i++)
            {
                for (var j = i + 1; j < input.Paragraphs.Count; j++)
                {
                    var (a, b) = (input.Paragraphs[i], input.Paragraphs[j]);
                    if (a.FragmentId != b.FragmentId && WordComparison.Similarity(ComparableWords.Of(a.Text), ComparableWords.Of(b.Text)) >= input.Threshold)
                    {
                        expected.Add((a.Line, b.Line));
                    }
                }
            }

            return found.SetEquals(expected);
        }, iter: 1000);
    }

    /// <summary>2,000 fragments of 5 paragraphs: every planted near-copy is found, and only a sliver of the 50 million pairs is aligned.</summary>
    [Fact]
    public void Ten_thousand_paragraphs_are_searched_fast_by_comparing_few_pairs()
    {
        var random = new Random(20261126);
        var vocabulary = Enumerable.Range(0, 4000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var common = new[] { "the", "we", "your", "of", "and", "to", "data", "personal", "information", "may" };
        string Sentence(int length) => string.Join(' ', Enumerable.Range(0, length).Select(_ =>
            random.NextDouble() < 0.45 ? common[random.Next(common.Length)] : vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 2))]));

        var paragraphs = new List<Paragraph>();
        for (var f = 0; f < 2000; f++)
        {
            for (var p = 0; p < 5; p++)
            {
                paragraphs.Add(new Paragraph($"fragment-{f}", $"content/fragments/f{f}.md", 5 + (p * 2), Sentence(30 + random.Next(60))));
            }
        }

        // Plant 50 near-copies: a paragraph copied into another fragment with one word changed.
        var planted = new List<(int From, int To)>();
        for (var k = 0; k < 50; k++)
        {
            var from = random.Next(paragraphs.Count);
            var to = (from + 5 * (1 + random.Next(1000)) + 1) % paragraphs.Count;
            var words = paragraphs[from].Text.Split(' ');
            words[words.Length / 2] = "changed";
            paragraphs[to] = paragraphs[to] with { Text = string.Join(' ', words) };
            planted.Add((from, to));
        }

        var search = NearDuplicateFinder.Find(paragraphs);

        foreach (var (from, to) in planted)
        {
            Assert.Contains(search.Pairs, p => (p.First, p.Second) == (paragraphs[Math.Min(from, to)], paragraphs[Math.Max(from, to)]));
        }

        var allPairs = (long)paragraphs.Count * (paragraphs.Count - 1) / 2;
        // The filters, not the clock, are what keep the search fast: fewer than one pair in a thousand is aligned.
        Assert.True(search.Compared < allPairs / 1000, $"{search.Compared} of {allPairs} pairs were aligned");
    }

    /// <summary>The seed's text, one fragment per section with no sharing; and each fragment's notice.</summary>
    private static (IReadOnlyList<NoticeGen.Load.Fragment> Fragments, IReadOnlyDictionary<string, string> NoticeOf) SeedWithoutSharing()
    {
        var page = TextPageReader.Read("seed.txt", File.ReadAllText(Repo.Fixture("seed.txt")));
        var plan = ImportPlanner.Plan([page], new ImportOptions(Deduplicate: false), ImportState.Empty, "seed.txt");
        var jurisdictions = plan.Site.Jurisdictions.ToHashSet(StringComparer.Ordinal);
        var fragments = plan.Site.Fragments.Select(f => FragmentParser.Parse(SiteWriter.FragmentText(f), f.Path, jurisdictions)).ToList();
        var noticeOf = plan.Site.Notices.SelectMany(n => n.Sections.Select(s => (s, n.Id))).ToDictionary(x => x.s, x => x.Id);
        Assert.Equal(fragments.Count(f => f.Title is not null), noticeOf.Count); // no section is shared
        return (fragments, noticeOf);
    }
}
