using CsCheck;
using NoticeGen.Redline;
using static NoticeGen.Tests.Redline.RedlineSupport;

namespace NoticeGen.Tests.Redline;

public sealed class RedlinePropertyTests
{
    private const int Iterations = 400;

    private static readonly Gen<(PageText Old, PageText New)> Edited = RedlineGenerators.Edited;

    private static string Show((PageText Old, PageText New) pages) =>
        $"OLD:\n{Describe(pages.Old)}\nNEW:\n{Describe(pages.New)}";

    private static string Describe(PageText page) =>
        $"intro: {page.IntroHtml}\n" + string.Join("\n", page.Sections.Select(s => $"[{s.Id}] {s.Heading}: {s.Html}"));

    [Fact]
    public void Accepting_every_change_gives_the_new_page_and_rejecting_with_moves_undone_gives_the_old()
    {
        Edited.Sample(pages =>
        {
            var redline = RedlineHtml.Render(PageDiffer.Compare(pages.Old, pages.New));
            Assert.Equal(WithoutEmptyIntro(SectionTexts(pages.New)), WithoutEmptyIntro(Accept(redline)));
            Assert.Equal(WithoutEmptyIntro(SectionTexts(pages.Old)), WithoutEmptyIntro(Reject(redline)));
        }, iter: Iterations, print: Show);
    }

    [Fact]
    public void Section_texts_read_by_earlier_comparisons_give_the_same_redline_as_reading_them_afresh()
    {
        // One cache across all samples, as a build shares it across its redlines: each text is read once, in whatever
        // section and at whatever position it first came, and reused at others (its keys moved); the redline, its passages
        // and the diff's JSON must be exactly those of a comparison that parses everything itself.
        var blocks = new BlockCache();
        Edited.Sample(pages =>
        {
            foreach (var (old, @new) in new[] { pages, (pages.New, pages.Old), (pages.Old, pages.Old) })
            {
                var fresh = PageDiffer.Compare(old, @new);
                var cached = PageDiffer.Compare(old, @new, blocks);
                Assert.Equal(RedlineHtml.Render(fresh), RedlineHtml.Render(cached));
                Assert.Equal(fresh.ChangedBlocks().Select(p => p.Html), cached.ChangedBlocks().Select(p => p.Html));
                Assert.Equal(System.Text.Json.JsonSerializer.Serialize(fresh), System.Text.Json.JsonSerializer.Serialize(cached));
            }
        }, iter: Iterations, print: Show);
    }

    [Fact]
    public void A_change_is_reported_if_and_only_if_the_html_differs_beyond_whitespace()
    {
        Edited.Sample(pages =>
        {
            var diff = PageDiffer.Compare(pages.Old, pages.New);
            Assert.Equal(CanonicalHtml.Page(pages.Old) != CanonicalHtml.Page(pages.New), diff.Summary.HasChanges);
            Assert.Equal(diff.Summary.HasChanges, diff.Sections.Any(s => s.HasChanges));
        }, iter: Iterations, print: Show);
    }

    [Fact]
    public void Output_is_well_formed_and_reparses_to_the_same_markup()
    {
        Edited.Sample(pages =>
        {
            var diff = PageDiffer.Compare(pages.Old, pages.New);
            var redline = RedlineHtml.Render(diff);
            var document = Parse(redline);
            Assert.Equal(redline, document.Body!.InnerHtml);
            Assert.Empty(document.QuerySelectorAll("ins p, ins li, ins ul, ins ol, del p, del li, del ul, del ol, p p, p ul, ins ins, del del, ins del, del ins"));
            Assert.Empty(document.QuerySelectorAll("ins .redline-note, del .redline-note, .redline-note ins, .redline-note del, [data-moved-to] ins, [data-moved-to] del, a a"));
            Assert.All(document.QuerySelectorAll("ins, del"), change => Assert.Equal("visually-hidden", change.FirstElementChild?.ClassName));
            Assert.All(diff.ChangedBlocks(), passage => Assert.Equal(passage.Html, Parse(passage.Html).Body!.InnerHtml));
            var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
            Assert.Equal(ids.Distinct(StringComparer.Ordinal).Count(), ids.Count);
            Assert.All(document.QuerySelectorAll("a[href^='#']"), a => Assert.Contains(a.GetAttribute("href")![1..], ids));
        }, iter: Iterations, print: Show);
    }

    [Fact]
    public void Two_runs_give_byte_identical_output()
    {
        Edited.Sample(pages =>
        {
            var first = PageDiffer.Compare(pages.Old, pages.New);
            var second = PageDiffer.Compare(pages.Old, pages.New);
            Assert.Equal(RedlineHtml.Render(first), RedlineHtml.Render(second));
            Assert.Equal(RedlineText.Render(first, color: true), RedlineText.Render(second, color: true));
            Assert.Equal(first.ChangedBlocks(), second.ChangedBlocks());
        }, iter: Iterations, print: Show);
    }

    [Fact]
    public void An_id_prefix_changes_only_the_ids_and_the_links_to_them()
    {
        Edited.Sample(pages =>
        {
            var diff = PageDiffer.Compare(pages.Old, pages.New);
            var prefixed = RedlineHtml.Render(diff, "p7-");
            var ids = Parse(prefixed).QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
            Assert.All(ids, id => Assert.StartsWith("p7-", id, StringComparison.Ordinal));
            Assert.Equal(RedlineHtml.Render(diff),
                prefixed.Replace(" id=\"p7-", " id=\"", StringComparison.Ordinal).Replace(" href=\"#p7-", " href=\"#", StringComparison.Ordinal));
        }, iter: Iterations, print: Show);
    }

    [Fact]
    public void Changes_keeps_exactly_the_changed_sections_and_blocks()
    {
        Edited.Sample(pages =>
        {
            var diff = PageDiffer.Compare(pages.Old, pages.New);
            var changes = diff.Changes();
            Assert.Equal(diff.Summary, changes.Summary);
            Assert.Equal(diff.Sections.Where(s => s.HasChanges).Select(s => s.Id), changes.Sections.Select(s => s.Id));
            // No changed block is lost with the unchanged sections: a section with a changed block has changes itself.
            Assert.Equal(diff.Sections.Sum(s => s.Blocks.Count(b => b.HasChanges)), changes.Sections.Sum(s => s.Blocks.Count));
            Assert.All(changes.Sections.SelectMany(s => s.Blocks), b => Assert.True(b.HasChanges));
        }, iter: Iterations, print: Show);
    }

    [Fact]
    public void Summary_agrees_with_the_markup()
    {
        Edited.Sample(pages =>
        {
            var diff = PageDiffer.Compare(pages.Old, pages.New);
            var summary = diff.Summary;
            var document = Parse(RedlineHtml.Render(diff));
            var marked = document.QuerySelectorAll("section ins, section del, .redline-mark, [data-moved-to]").Length > 0;
            Assert.Equal(summary.HasChanges, marked);
            Assert.Equal(summary.HasChanges, RedlineText.Render(diff, color: false).Length > 0);
            Assert.Equal(summary.WordsAdded, document.QuerySelectorAll("section ins").Sum(Words));
            Assert.Equal(summary.WordsRemoved, document.QuerySelectorAll("section del").Sum(Words));
            Assert.Equal(summary.LinksChanged, document.QuerySelectorAll("section .redline-mark[data-mark=link]").Length);
            Assert.Equal(summary.FormattingChanged, document.QuerySelectorAll("section .redline-mark[data-mark=formatting]").Length);
            Assert.Equal(summary.BlocksMoved, document.QuerySelectorAll("[data-move]").Length);
            Assert.Equal(summary.BlocksMoved + summary.SectionsMoved, document.QuerySelectorAll("[data-moved-to]").Length);
            Assert.Equal(summary.SectionsMoved, document.QuerySelectorAll("section[data-moved]").Length);
        }, iter: Iterations, print: Show);
    }

    [Fact]
    public void Every_moved_place_links_to_the_other()
    {
        Edited.Sample(pages =>
        {
            var document = Parse(RedlineHtml.Render(PageDiffer.Compare(pages.Old, pages.New)));
            foreach (var stub in document.QuerySelectorAll("[data-moved-to]"))
            {
                var there = stub.QuerySelector(".redline-mark a")!.GetAttribute("href")![1..];
                var target = document.GetElementById(there)!;
                var moved = target.Closest("[data-move], section[data-moved]")!;
                var back = moved.QuerySelector(".redline-mark[data-mark=moved] a")!.GetAttribute("href")![1..];
                Assert.Same(stub, document.GetElementById(back));
            }
        }, iter: Iterations, print: Show);
    }

    /// <summary>
    /// A page of paragraphs that are all distinct and long enough to be recognised when they move, and one paragraph or section
    /// moved elsewhere on it: (old page, new page, whether a paragraph moved rather than a section).
    /// </summary>
    private static readonly Gen<(PageText Old, PageText New, bool Block)> Moved =
        Gen.Select(RedlineGenerators.Word.Array[3, 8].Array[1, 4].Array[1, 4], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Bool)
            .Select((sections, a, b, c, block) =>
            {
                var paragraph = 0;
                var page = new GenPage([], sections.Select((paragraphs, i) => new GenSection($"s{i}", [$"Title{i}"],
                    paragraphs.Select(words => (GenBlock)new GenParagraph([new GenRun([$"p{paragraph++}", .. words], null, false)])).ToList())).ToList());
                var edit = new GenEdit(block ? 14 : 5, a, b, c, "x", new GenParagraph([]), new GenRun(["x"], null, false));
                return (page.Render(0), RedlineGenerators.Apply(page, edit).Page.Render(1), block);
            });

    [Fact]
    public void A_moved_paragraph_or_section_is_shown_moved_with_no_word_marked_in_the_text()
    {
        Moved.Sample(moved =>
        {
            var diff = PageDiffer.Compare(moved.Old, moved.New);
            var redline = RedlineHtml.Render(diff);
            Assert.Equal(WithoutEmptyIntro(SectionTexts(moved.New)), WithoutEmptyIntro(Accept(redline)));
            Assert.Equal(WithoutEmptyIntro(SectionTexts(moved.Old)), WithoutEmptyIntro(Reject(redline)));

            // Only a renumbered heading may show a changed number; the text itself is all kept.
            Assert.All(diff.Sections.SelectMany(s => s.Blocks).SelectMany(b => b.Tokens), t => Assert.Equal(TokenChange.Same, t.Change));
            Assert.Equal(0, diff.Summary.SectionsAdded + diff.Summary.SectionsRemoved + diff.Summary.FormattingChanged + diff.Summary.LinksChanged);
            var changed = CanonicalHtml.Page(moved.Old) != CanonicalHtml.Page(moved.New);
            Assert.Equal(changed && moved.Block ? 1 : 0, diff.Summary.BlocksMoved);
            Assert.Equal(changed && !moved.Block, diff.Summary.SectionsMoved > 0);
        }, iter: Iterations);
    }

    [Fact]
    public void A_page_compared_with_itself_or_respaced_has_no_changes()
    {
        Gen.Select(RedlineGenerators.Page, Gen.Int[0, 3], Gen.Int[0, 3]).Sample((page, spacing, otherSpacing) =>
        {
            foreach (var diff in new[]
            {
                PageDiffer.Compare(page.Render(spacing), page.Render(spacing)),
                PageDiffer.Compare(page.Render(spacing), page.Render(otherSpacing)),
            })
            {
                Assert.False(diff.Summary.HasChanges);
                Assert.All(diff.Sections, s => Assert.False(s.HasChanges));
                Assert.Empty(Parse(RedlineHtml.Render(diff)).QuerySelectorAll("ins, del, .redline-mark"));
                Assert.Empty(diff.ChangedBlocks());
            }
        }, iter: Iterations);
    }

    /// <summary>The words of an element as a reader sees them (a line break parts two words), the hidden markers left out.</summary>
    private static int Words(AngleSharp.Dom.IElement element)
    {
        var copy = (AngleSharp.Dom.IElement)element.Clone();
        foreach (var hidden in copy.QuerySelectorAll(".visually-hidden").ToList())
        {
            hidden.Remove();
        }

        return WordTokenizer.Instance.Chunk(TextOf(copy)).Count(t => t.EnumerateRunes().Any(System.Text.Rune.IsLetterOrDigit));
    }
}
