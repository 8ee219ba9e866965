using CsCheck;
using NoticeGen.Redline;
using static NoticeGen.Tests.Redline.RedlineSupport;

namespace NoticeGen.Tests.Redline;

public sealed class RedlinePropertyTests
{
    private const int Iterations = 300;

    /// <summary>An old page, the same page after some random edits, and how each is spaced in its HTML.</summary>
    private static readonly Gen<(PageText Old, PageText New)> Edited =
        Gen.Select(RedlineGenerators.Page, RedlineGenerators.Edit.Array[0, 4], Gen.Int[0, 3], (page, edits, spacing) =>
        {
            var edited = page;
            var newSpacing = spacing;
            foreach (var edit in edits)
            {
                (edited, var respace) = RedlineGenerators.Apply(edited, edit);
                newSpacing += respace ? 1 : 0;
            }

            return (page.Render(spacing), edited.Render(newSpacing));
        });

    private static string Show((PageText Old, PageText New) pages) =>
        $"OLD:\n{Describe(pages.Old)}\nNEW:\n{Describe(pages.New)}";

    private static string Describe(PageText page) =>
        $"intro: {page.IntroHtml}\n" + string.Join("\n", page.Sections.Select(s => $"[{s.Id}] {s.Heading}: {s.Html}"));

    [Fact]
    public void Accepting_every_change_gives_the_new_page_and_rejecting_gives_the_old()
    {
        Edited.Sample(pages =>
        {
            var redline = RedlineHtml.Render(PageDiffer.Compare(pages.Old, pages.New));
            Assert.Equal(WithoutEmptyIntro(SectionTexts(pages.New)), WithoutEmptyIntro(Accept(redline)));
            Assert.Equal(
                WithoutEmptyIntro(SectionTexts(pages.Old)).OrderBy(s => s.Id, StringComparer.Ordinal),
                WithoutEmptyIntro(Reject(redline)).OrderBy(s => s.Id, StringComparer.Ordinal));
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
            Assert.All(document.QuerySelectorAll("ins, del"), change => Assert.Equal("visually-hidden", change.FirstElementChild?.ClassName));
            Assert.All(diff.ChangedBlocks(), passage => Assert.Equal(passage.Html, Parse(passage.Html).Body!.InnerHtml));
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
            Assert.Equal(diff.Sections.Sum(s => s.Blocks.Count(b => b.Kind != ChangeKind.Unchanged)), changes.Sections.Sum(s => s.Blocks.Count));
            Assert.All(changes.Sections.SelectMany(s => s.Blocks), b => Assert.NotEqual(ChangeKind.Unchanged, b.Kind));
        }, iter: Iterations, print: Show);
    }

    [Fact]
    public void Summary_agrees_with_the_markup()
    {
        Edited.Sample(pages =>
        {
            var diff = PageDiffer.Compare(pages.Old, pages.New);
            var document = Parse(RedlineHtml.Render(diff));
            var marked = document.QuerySelectorAll("section ins, section del, section[data-moved]").Length > 0;
            Assert.Equal(diff.Summary.HasChanges, marked);
            Assert.Equal(diff.Summary.HasChanges, RedlineText.Render(diff, color: false).Length > 0);
        }, iter: Iterations, print: Show);
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
                Assert.Empty(Parse(RedlineHtml.Render(diff)).QuerySelectorAll("ins, del"));
            }
        }, iter: Iterations);
    }
}
