using NoticeGen.Redline;
using static NoticeGen.Tests.Redline.RedlineSupport;

namespace NoticeGen.Tests.Redline;

/// <summary>Moved paragraphs and sections: a linked note where they stood, their text (edits marked) where they are now.</summary>
public sealed class RedlineMoveTests
{
    private const string Affiliates = "Kaltura and its affiliates are located in different regions around the world.";

    private static readonly PageText Old = Page(
        Section("disclosure", "8. Disclosure", $"<p>We do not sell Personal Information.</p>\n<p>{Affiliates}</p>\n<p>We may share it with vendors.</p>"),
        Section("retention", "9. Retention", "<p>We keep it as long as the law requires.</p>"),
        Section("transfers", "10. Transfers", "<p>Kaltura is a global organization.</p>"));

    private static readonly PageText New = Page(
        Section("disclosure", "8. Disclosure", "<p>We do not sell Personal Information.</p>\n<p>We may share it with vendors.</p>"),
        Section("retention", "9. Retention", "<p>We keep it as long as the law requires.</p>"),
        Section("transfers", "10. Transfers", $"<p>Kaltura is a global organization.</p>\n<p>{Affiliates.Replace("different regions", "many regions", StringComparison.Ordinal)}</p>"));

    [Fact]
    public void A_paragraph_moved_to_another_section_shows_at_its_new_place_with_its_edit_and_a_note_at_its_old_place()
    {
        var diff = PageDiffer.Compare(Old, New);

        var stub = Assert.Single(diff.Sections.Single(s => s.Id == "disclosure").Blocks, b => b.Kind == ChangeKind.Moved);
        var moved = Assert.Single(diff.Sections.Single(s => s.Id == "transfers").Blocks, b => b.Move is not null);
        Assert.Same(stub.Move, moved.Move);
        Assert.Equal(new BlockMove(1, "disclosure", "section 8", "transfers", "section 10", true, "Kaltura and its affiliates are located in different …"), moved.Move);
        Assert.Equal(ChangeKind.Changed, moved.Kind);
        Assert.Equal(["different"], moved.Tokens.Where(t => t.Change == TokenChange.Deleted).Select(t => t.Text));
        Assert.Equal(["many"], moved.Tokens.Where(t => t.Change == TokenChange.Inserted).Select(t => t.Text));
        Assert.Equal(new RedlineSummary(0, 0, 2, 0, 1, 1, BlocksMoved: 1), diff.Summary);
        Assert.Equal("2 sections changed; 1 word added, 1 removed; 1 passage moved.", diff.Summary.Describe());

        var html = Parse(RedlineHtml.Render(diff));
        var oldPlace = html.QuerySelector("section#disclosure p.moved-away")!;
        Assert.Equal("(moved to section 10: “Kaltura and its affiliates are located in different …”)", oldPlace.TextContent);
        Assert.Equal("We do not sell Personal Information.", oldPlace.PreviousElementSibling!.TextContent);
        var there = oldPlace.QuerySelector("a")!.GetAttribute("href")!;
        var newPlace = html.GetElementById(there[1..])!.ParentElement!;
        Assert.Equal(("P", "changed moved", "1"), (newPlace.TagName, newPlace.ClassName, newPlace.GetAttribute("data-move")));
        Assert.Same(html.QuerySelector("section#transfers"), newPlace.ParentElement);
        Assert.Equal("(moved from section 8) ", newPlace.QuerySelector(".redline-mark")!.TextContent);
        Assert.Same(oldPlace, html.GetElementById(newPlace.QuerySelector(".redline-mark a")!.GetAttribute("href")![1..]));
        Assert.Equal(("different", "many"), (Visible(newPlace.QuerySelector("del")!), Visible(newPlace.QuerySelector("ins")!)));

        Assert.Equal(
            "## 8. Disclosure (changed)\n[moved to section 10: “Kaltura and its affiliates are located in different …”]\n\n" +
            "## 10. Transfers (changed)\n[moved from section 8] Kaltura and its affiliates are located in [-different-]{+many+} regions around the world.\n",
            RedlineText.Render(diff, color: false));
    }

    [Fact]
    public void A_moved_section_has_a_note_at_its_old_place_and_says_where_it_came_from()
    {
        var diff = PageDiffer.Compare(Old, Page(
            Section("retention", "8. Retention", "<p>We keep it as long as the law requires.</p>"),
            Section("transfers", "9. Transfers", "<p>Kaltura is a global organization.</p>"),
            Section("disclosure", "10. Disclosure", Old.Sections[0].Html)));

        // The longest common order keeps retention and transfers: disclosure is the one that moved.
        Assert.Equal(["disclosure"], diff.Sections.Where(s => s.Moved).Select(s => s.Id));
        Assert.Equal(["disclosure"], diff.Sections.Single(s => s.IsIntro).MovedAwayAfter);
        Assert.Equal(new RedlineSummary(0, 0, 0, 1, 3, 3), diff.Summary);

        var html = Parse(RedlineHtml.Render(diff, "p1-"));
        var stub = Assert.Single(html.QuerySelectorAll("[data-moved-to]"));
        Assert.Equal("section:disclosure", stub.GetAttribute("data-moved-to"));
        Assert.Equal("(“Disclosure” moved to section 10)", stub.TextContent);
        Assert.Equal("#p1-disclosure", stub.QuerySelector("a")!.GetAttribute("href"));

        // Read without the moved section, the notes keep the old order: disclosure's old place comes first.
        Assert.Equal(["p1-ng-from-disclosure", "p1-retention", "p1-transfers", "p1-disclosure"],
            html.QuerySelectorAll("section.redline-section[id], [data-moved-to]").Select(e => e.Id));
        var heading = html.GetElementById("p1-disclosure")!.QuerySelector("h2")!;
        Assert.Equal("#p1-ng-from-disclosure", heading.QuerySelector(".redline-mark a")!.GetAttribute("href"));
        Assert.EndsWith("(moved from section 8, renumbered)", heading.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_blocks_and_blocks_edited_in_place_are_not_taken_for_moves()
    {
        var diff = PageDiffer.Compare(
            Page(Section("a", "A", "<ul>\n<li>Yes.</li>\n<li>your name</li>\n</ul>\n<p>We collect your name and email when you register.</p>"),
                Section("b", "B", "<p>Other text.</p>")),
            Page(Section("a", "A", "<p>We collect your name and postal address when you register.</p>"),
                Section("b", "B", "<p>Other text.</p>\n<ul>\n<li>Yes.</li>\n<li>your name</li>\n</ul>")));

        Assert.Equal(0, diff.Summary.BlocksMoved);
        var edited = diff.Sections.Single(s => s.Id == "a").Blocks.Single(b => b.Tag == "p");
        Assert.Null(edited.Move);
        Assert.False(edited.Replaced);
    }
}
