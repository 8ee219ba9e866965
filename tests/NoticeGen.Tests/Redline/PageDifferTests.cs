using AngleSharp.Dom;
using NoticeGen.Redline;
using static NoticeGen.Tests.Redline.RedlineSupport;

namespace NoticeGen.Tests.Redline;

public sealed class PageDifferTests
{
    [Fact]
    public void One_word_edit_marks_exactly_that_word()
    {
        var diff = PageDiffer.Compare(
            Page(Section("share", "3. Sharing", "<p>We may share your personal data with trusted partners.</p>")),
            Page(Section("share", "3. Sharing", "<p>We may share your personal information with trusted partners.</p>")));

        var block = Assert.Single(diff.Sections.Single(s => s.Id == "share").Blocks);
        Assert.Equal(ChangeKind.Changed, block.Kind);
        Assert.False(block.Replaced);
        Assert.Equal(["data"], block.Tokens.Where(t => t.Change == TokenChange.Deleted).Select(t => t.Text));
        Assert.Equal(["information"], block.Tokens.Where(t => t.Change == TokenChange.Inserted).Select(t => t.Text));
        Assert.Equal(new RedlineSummary(0, 0, 1, 0, 1, 1), diff.Summary);

        var html = Parse(RedlineHtml.Render(diff));
        Assert.Equal("data", Visible(Assert.Single(html.QuerySelectorAll("del"))));
        Assert.Equal("information", Visible(Assert.Single(html.QuerySelectorAll("ins"))));
    }

    [Fact]
    public void A_new_title_is_a_change_shown_word_by_word_and_as_the_first_passage()
    {
        var sections = new[] { Section("share", "1. Sharing", "<p>We share nothing.</p>") };
        var diff = PageDiffer.Compare(new PageText("Privacy Notice for the Acme Websites", string.Empty, sections),
            new PageText("Privacy Policy for the Acme Websites", string.Empty, sections));

        Assert.True(diff.Summary.TitleChanged);
        Assert.True(diff.Summary.HasChanges);
        Assert.Equal("Title changed.", diff.Summary.Describe());
        var title = Assert.Single(Parse(RedlineHtml.Render(diff)).QuerySelectorAll("p.title-change"));
        Assert.Equal("Notice", Visible(Assert.Single(title.QuerySelectorAll("del"))));
        Assert.Equal("Policy", Visible(Assert.Single(title.QuerySelectorAll("ins"))));
        Assert.Contains("for the Acme Websites", title.TextContent);

        var passage = Assert.Single(diff.ChangedBlocks());
        Assert.Equal((RedlinePassages.TitleId, PassageKind.Words), (passage.SectionId, passage.Change));
        Assert.Equal(("Privacy Notice for the Acme Websites", "Privacy Policy for the Acme Websites"), (passage.OldText, passage.NewText));
    }

    [Fact]
    public void A_title_that_only_changes_its_spacing_is_not_a_change()
    {
        var sections = new[] { Section("share", "1. Sharing", "<p>We share nothing.</p>") };
        var diff = PageDiffer.Compare(new PageText("Privacy  Notice ", string.Empty, sections), new PageText("Privacy Notice", string.Empty, sections));

        Assert.False(diff.Summary.HasChanges);
        Assert.Null(diff.TitleTokens);
        Assert.Empty(Parse(RedlineHtml.Render(diff)).QuerySelectorAll("p.title-change"));
    }

    [Fact]
    public void Changes_keeps_only_the_changed_section_and_block()
    {
        var diff = PageDiffer.Compare(
            Page(Section("a", "1. A", "<p>First paragraph.</p>\n<p>Second paragraph.</p>"),
                Section("b", "2. B", "<p>We may share your personal data.</p>\n<p>With partners.</p>"),
                Section("c", "3. C", "<p>Third section.</p>")),
            Page(Section("a", "1. A", "<p>First paragraph.</p>\n<p>Second paragraph.</p>"),
                Section("b", "2. B", "<p>We may share your personal information.</p>\n<p>With partners.</p>"),
                Section("c", "3. C", "<p>Third section.</p>")));

        var changes = diff.Changes();

        var section = Assert.Single(changes.Sections);
        Assert.Equal(("b", ChangeKind.Changed, "2. B"), (section.Id, section.Kind, section.Heading));
        var block = Assert.Single(section.Blocks);
        Assert.Equal(ChangeKind.Changed, block.Kind);
        Assert.Equal(("We may share your personal data.", "We may share your personal information."), (block.OldText, block.NewText));
        Assert.Equal(diff.Summary, changes.Summary);
        Assert.Equal(new RedlineSummary(0, 0, 1, 0, 1, 1), changes.Summary);
        Assert.Equal(4, diff.Sections.Count);
    }

    [Fact]
    public void Changes_keeps_a_moved_section_and_drops_a_renumbered_one()
    {
        var diff = PageDiffer.Compare(
            Page(Section("a", "1. A", "<p>a</p>"), Section("b", "2. B", "<p>b</p>"), Section("c", "3. C", "<p>c</p>")),
            Page(Section("b", "1. B", "<p>b</p>"), Section("a", "2. A", "<p>a</p>"), Section("c", "3. C", "<p>c</p>")));

        var changes = diff.Changes();

        Assert.Equal(diff.Sections.Where(s => s.Moved).Select(s => s.Id), changes.Sections.Select(s => s.Id));
        Assert.All(changes.Sections, s => Assert.Empty(s.Blocks));
    }

    [Fact]
    public void A_section_added_before_others_renumbers_them_without_counting_them_as_changed()
    {
        var diff = PageDiffer.Compare(
            Page(Section("a", "1. First", "<p>One.</p>"), Section("c", "2. Third", "<p>Three.</p>")),
            Page(Section("a", "1. First", "<p>One.</p>"), Section("b", "2. Second", "<p>Two.</p>"), Section("c", "3. Third", "<p>Three.</p>")));

        var renumbered = diff.Sections.Single(s => s.Id == "c");
        Assert.Equal(ChangeKind.Unchanged, renumbered.Kind);
        Assert.True(renumbered.Renumbered);
        Assert.Equal(["2"], renumbered.HeadingTokens.Where(t => t.Change == TokenChange.Deleted).Select(t => t.Text));
        Assert.Equal(["3"], renumbered.HeadingTokens.Where(t => t.Change == TokenChange.Inserted).Select(t => t.Text));
        Assert.Equal(1, diff.Summary.SectionsAdded);
        Assert.Equal(0, diff.Summary.SectionsChanged);
        Assert.DoesNotContain(diff.ChangedBlocks(), p => p.SectionId == "c");

        var html = Parse(RedlineHtml.Render(diff));
        var section = html.QuerySelector("section#c")!;
        Assert.Equal("unchanged", section.GetAttribute("data-change"));
        Assert.Contains("(renumbered)", section.QuerySelector("h2")!.TextContent);
        Assert.Equal("3", Visible(section.QuerySelector("h2 ins")!));
        Assert.NotNull(section.QuerySelector("details"));
    }

    [Fact]
    public void Paragraph_inserted_before_an_edited_one_does_not_disturb_its_diff()
    {
        var diff = PageDiffer.Compare(
            Page(Section("use", "Use", "<p>We use cookies to remember your settings.</p>\n<p>Unchanged closing words.</p>")),
            Page(Section("use", "Use",
                "<p>A brand new opening paragraph about analytics.</p>\n<p>We use cookies to remember your preferences.</p>\n<p>Unchanged closing words.</p>")));

        var blocks = diff.Sections.Single(s => s.Id == "use").Blocks;
        Assert.Equal([ChangeKind.Added, ChangeKind.Changed, ChangeKind.Unchanged], blocks.Select(b => b.Kind));
        Assert.False(blocks[1].Replaced);
        Assert.Equal(["settings"], blocks[1].Tokens.Where(t => t.Change == TokenChange.Deleted).Select(t => t.Text));
        Assert.Equal(["preferences"], blocks[1].Tokens.Where(t => t.Change == TokenChange.Inserted).Select(t => t.Text));

        var html = Parse(RedlineHtml.Render(diff));
        Assert.Equal("A brand new opening paragraph about analytics.", Visible(html.QuerySelector("p.added ins")!));
        var edited = html.QuerySelector("p.changed")!;
        Assert.Equal("settings", Visible(Assert.Single(edited.QuerySelectorAll("del"))));
        Assert.Equal("preferences", Visible(Assert.Single(edited.QuerySelectorAll("ins"))));
    }

    [Fact]
    public void Moved_section_is_recognised_not_shown_as_removed_and_added()
    {
        var a = Section("a", "Alpha", "<p>First section text.</p>");
        var b = Section("b", "Beta", "<p>Second section text.</p>");
        var c = Section("c", "Gamma", "<p>Third section text.</p>");

        var diff = PageDiffer.Compare(Page(a, b, c), Page(c, a, b));

        Assert.Equal(["", "c", "a", "b"], diff.Sections.Select(s => s.Id));
        Assert.All(diff.Sections, s => Assert.Equal(ChangeKind.Unchanged, s.Kind));
        Assert.Equal(["c"], diff.Sections.Where(s => s.Moved).Select(s => s.Id));
        Assert.Equal(new RedlineSummary(0, 0, 0, 1, 0, 0), diff.Summary);
        Assert.True(diff.Summary.HasChanges);

        var html = Parse(RedlineHtml.Render(diff));
        Assert.Equal("true", html.GetElementById("c")!.GetAttribute("data-moved"));
        Assert.Null(html.GetElementById("a")!.GetAttribute("data-moved"));
        Assert.Empty(html.QuerySelectorAll("section[data-change=added], section[data-change=removed], ins, del"));
    }

    [Fact]
    public void Added_list_item_is_marked_on_the_item()
    {
        var diff = PageDiffer.Compare(
            Page(Section("collect", "Collection", "<ul>\n<li>your name</li>\n<li>your email address</li>\n</ul>")),
            Page(Section("collect", "Collection", "<ul>\n<li>your name</li>\n<li>your postal address</li>\n<li>your email address</li>\n</ul>")));

        var blocks = diff.Sections.Single(s => s.Id == "collect").Blocks;
        Assert.Equal([ChangeKind.Unchanged, ChangeKind.Added, ChangeKind.Unchanged], blocks.Select(b => b.Kind));

        var html = Parse(RedlineHtml.Render(diff));
        var list = Assert.Single(html.QuerySelectorAll("section#collect ul"));
        Assert.Null(list.GetAttribute("class"));
        var added = Assert.Single(list.QuerySelectorAll("li.added"));
        var ins = Assert.Single(html.QuerySelectorAll("ins"));
        Assert.Same(added, ins.ParentElement);
        Assert.Equal("your postal address", Visible(ins));
        Assert.Equal(3, list.Children.Length);
    }

    [Fact]
    public void Link_target_change_with_the_same_text_is_a_link_change_not_new_words()
    {
        var diff = PageDiffer.Compare(
            Page(Section("rights", "Rights", "<p>Read the <a href=\"https://example.com/old-rights\">rights guide</a> first.</p>")),
            Page(Section("rights", "Rights", "<p>Read the <a href=\"https://example.com/new-rights\">rights guide</a> first.</p>")));

        var block = Assert.Single(diff.Sections.Single(s => s.Id == "rights").Blocks);
        Assert.Equal(ChangeKind.Changed, block.Kind);
        Assert.All(block.Tokens, t => Assert.Equal(TokenChange.Same, t.Change));
        var linked = block.Tokens.Where(t => t.MarkupChanged).ToList();
        Assert.Equal(["rights", "guide"], linked.Select(t => t.Text));
        Assert.All(linked, t => Assert.Equal(("https://example.com/old-rights", "https://example.com/new-rights"), (t.OldHref, t.Href)));
        Assert.Equal(new RedlineSummary(0, 0, 1, 0, 0, 0, LinksChanged: 1), diff.Summary);
        Assert.Equal("1 section changed; 1 link changed.", diff.Summary.Describe());

        var html = Parse(RedlineHtml.Render(diff));
        Assert.Empty(html.QuerySelectorAll("ins, del"));
        var paragraph = html.QuerySelector("section#rights p.changed")!;
        var link = Assert.Single(paragraph.QuerySelectorAll("a"));
        Assert.Equal(("https://example.com/new-rights", "rights guide"), (link.GetAttribute("href"), link.TextContent));
        var mark = Assert.Single(paragraph.QuerySelectorAll(".redline-mark"));
        Assert.Same(link, mark.PreviousElementSibling);
        Assert.Equal(" (link changed: https://example.com/old-rights →  to https://example.com/new-rights)", mark.TextContent);
        Assert.Equal(["https://example.com/old-rights", "https://example.com/new-rights"], mark.QuerySelectorAll(".redline-target").Select(t => t.TextContent));
        Assert.Equal("true", mark.QuerySelector("span[aria-hidden]")!.GetAttribute("aria-hidden"));
        Assert.Equal("Read the rights guide first.", Fold(Visible(Strip(paragraph))));
    }

    [Fact]
    public void A_link_whose_words_changed_too_is_replaced_whole_and_a_link_added_or_removed_is_formatting()
    {
        var diff = PageDiffer.Compare(
            Page(Section("a", "A", "<p>See the <a href=\"https://example.com/terms\">Terms of Service</a> and our cookie policy.</p>")),
            Page(Section("a", "A", "<p>See the <a href=\"https://example.com/tos\">Terms of Use</a> and our <a href=\"https://example.com/cookies\">cookie policy</a>.</p>")));

        var html = Parse(RedlineHtml.Render(diff));
        var paragraph = html.QuerySelector("p.changed")!;
        Assert.Equal("Terms of Service", Visible(paragraph.QuerySelector("del")!));
        Assert.Equal("https://example.com/terms", paragraph.QuerySelector("del a")!.GetAttribute("href"));
        Assert.Equal("Terms of Use", Visible(paragraph.QuerySelector("ins")!));
        Assert.Equal("https://example.com/tos", paragraph.QuerySelector("ins a")!.GetAttribute("href"));
        var added = Assert.Single(paragraph.QuerySelectorAll(".redline-mark[data-mark=formatting]"));
        Assert.Equal(" (formatting changed: link added: https://example.com/cookies)", added.TextContent);
        Assert.Equal("cookie policy", added.PreviousElementSibling!.TextContent);
        Assert.Equal((0, 1, 3, 3), (diff.Summary.LinksChanged, diff.Summary.FormattingChanged, diff.Summary.WordsAdded, diff.Summary.WordsRemoved));
    }

    [Fact]
    public void A_deletion_straight_before_an_insertion_is_kept_apart_by_a_space()
    {
        var diff = PageDiffer.Compare(
            Page(Section("a", "A", "<p>Write to https://old.example.com today.</p>")),
            Page(Section("a", "A", "<p>Write to https://new.example.com today.</p>")));

        var paragraph = Parse(RedlineHtml.Render(diff)).QuerySelector("p.changed")!;
        var gap = paragraph.QuerySelector("del + .redline-gap")!;
        Assert.Equal((" ", "true"), (gap.TextContent, gap.GetAttribute("aria-hidden")));
        Assert.Equal("INS", gap.NextElementSibling!.TagName);
        Assert.Equal("Write to https://old new.example.com today.", Visible(paragraph));
        Assert.Equal("Write to https://[-old-]{+new+}.example.com today.\n", RedlineText.Render(diff, color: false).Split('\n', 2)[1]);
    }

    [Fact]
    public void Link_whose_url_text_and_target_change_shows_old_link_deleted_and_new_link_inserted()
    {
        const string Old = "https://www.jamsadr.com/DPF-Dispute-Resolution";
        const string New = "https://www.jamsadr.com/eu-us-data-privacy-framework";
        var diff = PageDiffer.Compare(
            Page(Section("dpf", "Data Privacy Framework", $"<p>You may refer the complaint to JAMS at <a href=\"{Old}\">{Old}</a> free of charge.</p>")),
            Page(Section("dpf", "Data Privacy Framework", $"<p>You may refer the complaint to JAMS at <a href=\"{New}\">{New}</a> free of charge.</p>")));

        var html = Parse(RedlineHtml.Render(diff));
        var deleted = Assert.Single(html.QuerySelectorAll("del a"));
        var inserted = Assert.Single(html.QuerySelectorAll("ins a"));
        Assert.Equal((Old, Old), (deleted.GetAttribute("href"), deleted.TextContent));
        Assert.Equal((New, New), (inserted.GetAttribute("href"), inserted.TextContent));
        Assert.Equal("You may refer the complaint to JAMS at", html.QuerySelector("p.changed")!.FirstChild!.TextContent.Trim());
    }

    [Fact]
    public void Whitespace_only_change_is_no_change()
    {
        var old = PageWithIntro("<p>Welcome to the notice.</p>",
            Section("contact", "16.  Contacting Kaltura", "<p>Send inquiries to the following address:</p>\n<p>Kaltura, Inc.<br />\n860 Broadway, 3rd Floor<br />\nNew York</p>"),
            Section("list", "Lists", "<ul>\n<li>one item here</li>\n<li>two <a href=\"https://example.com\">linked words</a></li>\n</ul>"));
        var @new = PageWithIntro("\n<p>Welcome to\nthe notice. </p>\n",
            Section("contact", "16. Contacting Kaltura ", "<p>Send inquiries\nto the   following address:</p>\n<p>Kaltura, Inc. <br>860 Broadway,  3rd Floor <br />New York</p>"),
            Section("list", "Lists", "<ul><li>one item\nhere</li><li>two <a href=\"https://example.com\">linked\nwords</a> </li></ul>"));

        var diff = PageDiffer.Compare(old, @new);

        Assert.False(diff.Summary.HasChanges);
        Assert.All(diff.Sections, s => Assert.Equal(ChangeKind.Unchanged, s.Kind));
        Assert.Empty(Parse(RedlineHtml.Render(diff)).QuerySelectorAll("ins, del"));
    }

    [Fact]
    public void Mostly_rewritten_paragraph_is_a_replaced_block()
    {
        var diff = PageDiffer.Compare(
            Page(Section("kids", "Children", "<p>We do not knowingly collect data from children under thirteen.</p>")),
            Page(Section("kids", "Children", "<p>Our services are meant for adults; minors should ask a parent first.</p>")));

        var block = Assert.Single(diff.Sections.Single(s => s.Id == "kids").Blocks);
        Assert.Equal(ChangeKind.Changed, block.Kind);
        Assert.True(block.Replaced);
        Assert.Equal("We do not knowingly collect data from children under thirteen.", block.OldText);
        Assert.Equal("Our services are meant for adults; minors should ask a parent first.", block.NewText);

        var html = Parse(RedlineHtml.Render(diff));
        var paragraph = Assert.Single(html.QuerySelectorAll("p.replaced"));
        Assert.Equal("We do not knowingly collect data from children under thirteen.", Visible(Assert.Single(paragraph.QuerySelectorAll("del"))));
        Assert.Equal("Our services are meant for adults; minors should ask a parent first.", Visible(Assert.Single(paragraph.QuerySelectorAll("ins"))));
    }

    [Fact]
    public void Renamed_section_heading_is_a_changed_section_with_a_heading_diff()
    {
        var diff = PageDiffer.Compare(
            Page(Section("contact", "16. Contacting Kaltura", "<p>Write to us.</p>")),
            Page(Section("contact", "16. Contacting us", "<p>Write to us.</p>")));

        var section = Assert.Single(diff.Sections, s => s.Id == "contact");
        Assert.Equal(2, diff.Sections.Count);
        Assert.Equal(ChangeKind.Changed, section.Kind);
        Assert.False(section.Moved);
        Assert.Equal(("16. Contacting Kaltura", "16. Contacting us"), (section.OldHeading, section.NewHeading));
        Assert.Equal(["Kaltura"], section.HeadingTokens.Where(t => t.Change == TokenChange.Deleted).Select(t => t.Text));
        Assert.Equal(["us"], section.HeadingTokens.Where(t => t.Change == TokenChange.Inserted).Select(t => t.Text));
        Assert.Equal(new RedlineSummary(0, 0, 1, 0, 1, 1), diff.Summary);

        var heading = Parse(RedlineHtml.Render(diff)).QuerySelector("section#contact > h2")!;
        Assert.Equal("Kaltura", Visible(heading.QuerySelector("del")!));
        Assert.Equal("us", Visible(heading.QuerySelector("ins")!));
    }

    [Fact]
    public void Sections_come_in_the_new_order_with_removed_ones_where_they_stood()
    {
        var diff = PageDiffer.Compare(
            Page(Section("a", "A", "<p>a text</p>"), Section("b", "B", "<p>b text</p>"), Section("c", "C", "<p>c text</p>"),
                Section("d", "D", "<p>d text</p>")),
            Page(Section("a", "A", "<p>a text</p>"), Section("new", "New", "<p>new text</p>"), Section("d", "D", "<p>d text</p>"),
                Section("c", "C", "<p>c text</p>")));

        Assert.Equal(["", "a", "b", "new", "d", "c"], diff.Sections.Select(s => s.Id));
        Assert.Equal(
            [ChangeKind.Unchanged, ChangeKind.Unchanged, ChangeKind.Removed, ChangeKind.Added, ChangeKind.Unchanged, ChangeKind.Unchanged],
            diff.Sections.Select(s => s.Kind));
        var removed = diff.Sections[2];
        Assert.Equal(("B", null), (removed.OldHeading, removed.NewHeading));
        Assert.All(removed.Blocks, b => Assert.Equal(ChangeKind.Removed, b.Kind));
        Assert.All(diff.Sections[3].Blocks, b => Assert.Equal(ChangeKind.Added, b.Kind));
        Assert.Equal(new RedlineSummary(1, 1, 0, 1, 3, 3), diff.Summary);
    }

    [Fact]
    public void Intro_is_a_first_section_with_an_empty_id()
    {
        var diff = PageDiffer.Compare(
            PageWithIntro("<p>This notice explains our practices.</p>", Section("a", "A", "<p>text</p>")),
            PageWithIntro("<p>This notice explains our data practices.</p>", Section("a", "A", "<p>text</p>")));

        var intro = diff.Sections[0];
        Assert.True(intro.IsIntro);
        Assert.Equal(ChangeKind.Changed, intro.Kind);
        Assert.Null(intro.NewHeading);
        Assert.Empty(intro.HeadingTokens);
        Assert.Equal(["data"], intro.Blocks.SelectMany(b => b.Tokens).Where(t => t.Change == TokenChange.Inserted && t.IsWord).Select(t => t.Text));
    }

    [Fact]
    public void Same_page_has_no_changes()
    {
        var page = PageWithIntro("<p>Intro with <strong>bold</strong> and <em>emphasis</em>.</p>",
            Section("a", "1. A", "<p>Text <a href=\"https://example.com/?a=1&amp;b=2\">link</a>.</p>\n<ol>\n<li>one<ul>\n<li>nested</li>\n</ul></li>\n</ol>"),
            Section("b", "2. B", "<table>\n<thead>\n<tr>\n<th>Category</th>\n<th>Source</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Identifiers</td>\n<td>You</td>\n</tr>\n</tbody>\n</table>"));

        var diff = PageDiffer.Compare(page, page);

        Assert.False(diff.Summary.HasChanges);
        Assert.Equal(new RedlineSummary(0, 0, 0, 0, 0, 0), diff.Summary);
        Assert.All(diff.Sections, s => Assert.False(s.HasChanges));
        Assert.All(diff.Sections.SelectMany(s => s.Blocks), b => Assert.Equal(ChangeKind.Unchanged, b.Kind));
    }

    [Fact]
    public void Changes_separated_only_by_a_space_read_as_one_change()
    {
        var diff = PageDiffer.Compare(
            Page(Section("a", "A", "<p>Yesterday the cat sat on the mat quietly today.</p>")),
            Page(Section("a", "A", "<p>Yesterday a dog sat on the mat quietly today.</p>")));

        var block = diff.Sections[1].Blocks.Single();
        Assert.Equal("[the cat][a dog]", string.Concat(
            block.Tokens.Where(t => t.Change != TokenChange.Same).GroupBy(t => t.Change).Select(g => "[" + string.Concat(g.Select(t => t.Text)) + "]")));
    }

    [Fact]
    public void A_split_where_the_old_text_had_no_space_keeps_the_old_text_whole()
    {
        var old = Page(Section("a", "A", "<p>See section 5(a) for details, and section 6 for more.</p>"));
        var @new = Page(Section("a", "A", "<p>See section 5</p>\n<p>(a) for details, and section 6 for more.</p>"));

        var diff = PageDiffer.Compare(old, @new);

        var redline = RedlineHtml.Render(diff);
        Assert.Equal(WithoutEmptyIntro(SectionTexts(old)), WithoutEmptyIntro(Reject(redline)));
        Assert.Equal(WithoutEmptyIntro(SectionTexts(@new)), WithoutEmptyIntro(Accept(redline)));
        Assert.Equal("[formatting changed: split from one paragraph] See section 5[-(a)-]\n{+(a)+} for details, and section 6 for more.\n",
            RedlineText.Render(diff, color: false).Split('\n', 2)[1]);
    }

    [Fact]
    public void Paragraphs_merged_into_lines_keep_their_words_and_say_so_once()
    {
        var diff = PageDiffer.Compare(
            Page(Section("contact", "16. Contact", "<p>Kaltura, Inc.</p>\n<p>860 Broadway, 3rd Floor</p>\n<p>New York, NY 10003</p>")),
            Page(Section("contact", "16. Contact", "<p>Kaltura, Inc.<br />\n860 Broadway, 3rd Floor<br />\nNew York, NY 10003</p>")));

        var block = Assert.Single(diff.Sections[1].Blocks);
        Assert.Equal("merged from 3 paragraphs", block.FormatNote);
        Assert.All(block.Tokens, t => Assert.False(t.Change != TokenChange.Same || t.MarkupChanged));
        Assert.Equal(new RedlineSummary(0, 0, 1, 0, 0, 0, FormattingChanged: 1), diff.Summary);
        Assert.Equal("<p class=\"changed\"><span class=\"redline-note redline-mark\" data-mark=\"formatting\">(formatting changed: merged from 3 paragraphs) </span>" +
            "Kaltura, Inc.<br>860 Broadway, 3rd Floor<br>New York, NY 10003</p>", Assert.Single(diff.ChangedBlocks()).Html);
    }

    [Fact]
    public void A_space_that_became_a_line_break_is_a_formatting_change()
    {
        var diff = PageDiffer.Compare(
            Page(Section("a", "A", "<p>Kaltura, Inc. 860 Broadway</p>")),
            Page(Section("a", "A", "<p>Kaltura, Inc.<br />\n860 Broadway</p>")));

        Assert.Equal(new RedlineSummary(0, 0, 1, 0, 0, 0, FormattingChanged: 1), diff.Summary);
        Assert.Equal("Kaltura, Inc. [formatting changed: line break added]\n860 Broadway\n", RedlineText.Render(diff, color: false).Split('\n', 2)[1]);
    }

    [Fact]
    public void Emphasis_added_is_a_formatting_change_on_words_that_stay()
    {
        var diff = PageDiffer.Compare(
            Page(Section("a", "A", "<p>We never sell your data to anyone.</p>")),
            Page(Section("a", "A", "<p>We <strong>never</strong> sell your data to anyone.</p>")));

        var block = diff.Sections[1].Blocks.Single();
        Assert.Equal(ChangeKind.Changed, block.Kind);
        var never = block.Tokens.Single(t => t.MarkupChanged);
        Assert.Equal(("never", TokenChange.Same, (TextStyle?)TextStyle.None, TextStyle.Strong), (never.Text, never.Change, never.OldStyle, never.Style));
        Assert.Equal(new RedlineSummary(0, 0, 1, 0, 0, 0, FormattingChanged: 1), diff.Summary);

        var paragraph = Parse(RedlineHtml.Render(diff)).QuerySelector("p.changed")!;
        Assert.Empty(paragraph.QuerySelectorAll("ins, del"));
        Assert.Equal("never", paragraph.QuerySelector("strong")!.TextContent);
        Assert.Equal(" (formatting changed: bold added)", paragraph.QuerySelector("strong + .redline-mark[data-mark=formatting]")!.TextContent);
        Assert.Equal("We never [formatting changed: bold added] sell your data to anyone.\n", RedlineText.Render(diff, color: false).Split('\n', 2)[1]);
    }

    [Fact]
    public void Block_form_changes_are_formatting_changes_with_their_words_kept()
    {
        var diff = PageDiffer.Compare(
            Page(Section("a", "1. A", "<h3>Sharing your data</h3>\n<ol>\n<li>with partners</li>\n<li>with processors</li>\n</ol>\n<p>Contact us.</p>")),
            Page(Section("a", "1. A", "<h4>Sharing your data</h4>\n<ul>\n<li>with partners</li>\n<li>with processors</li>\n</ul>\n<ul>\n<li>Contact us.</li>\n</ul>")));

        var blocks = diff.Sections[1].Blocks;
        // The two items of the list that changed type are one change, noted once.
        Assert.Equal(["heading level 3 → 4", "was in a numbered list (these 2 list items)", null, "was a paragraph; now starts a new bulleted list"],
            blocks.Select(b => b.FormatNote));
        Assert.Equal([0, 1, 1, 0], blocks.Select(b => b.Group == 0 ? 0 : 1));
        Assert.All(blocks.SelectMany(b => b.Tokens), t => Assert.Equal(TokenChange.Same, t.Change));
        Assert.Equal(3, diff.Summary.FormattingChanged);
        Assert.Equal((0, 0), (diff.Summary.WordsAdded, diff.Summary.WordsRemoved));

        var html = Parse(RedlineHtml.Render(diff));
        Assert.Equal("(formatting changed: heading level 3 → 4) ", html.QuerySelector("h4.changed > .redline-mark:first-child")!.TextContent);
        Assert.Equal(2, html.QuerySelectorAll("section#a ul").Length);
    }

    [Fact]
    public void Table_row_change_marks_the_word_inside_its_cell()
    {
        const string Head = "<table>\n<thead>\n<tr>\n<th>Category</th>\n<th>Source</th>\n</tr>\n</thead>\n<tbody>\n";
        var diff = PageDiffer.Compare(
            Page(Section("t", "T", Head + "<tr>\n<td>Identifiers such as name</td>\n<td>You directly</td>\n</tr>\n</tbody>\n</table>")),
            Page(Section("t", "T", Head + "<tr>\n<td>Identifiers such as email</td>\n<td>You directly</td>\n</tr>\n<tr>\n<td>Usage data</td>\n<td>Cookies</td>\n</tr>\n</tbody>\n</table>")));

        var blocks = diff.Sections[1].Blocks;
        Assert.Equal(["tr", "tr", "tr"], blocks.Select(b => b.Tag));
        Assert.Equal([ChangeKind.Unchanged, ChangeKind.Changed, ChangeKind.Added], blocks.Select(b => b.Kind));

        var html = Parse(RedlineHtml.Render(diff));
        var changedRow = html.QuerySelector("tbody > tr.changed")!;
        Assert.Equal("name", Visible(changedRow.QuerySelector("td:first-child del")!));
        Assert.Equal("email", Visible(changedRow.QuerySelector("td:first-child ins")!));
        Assert.Empty(changedRow.QuerySelectorAll("td:last-child ins, td:last-child del"));
        Assert.Equal(2, html.QuerySelectorAll("tbody > tr.added > td > ins").Length);
        Assert.Equal(2, html.QuerySelectorAll("thead > tr > th").Length);
    }

    [Fact]
    public void Item_added_to_a_nested_list_stays_inside_its_parent_item()
    {
        var diff = PageDiffer.Compare(
            Page(Section("n", "N", "<ul>\n<li>Parent item\n<ul>\n<li>first child</li>\n</ul>\n</li>\n<li>Sibling item</li>\n</ul>")),
            Page(Section("n", "N", "<ul>\n<li>Parent item\n<ul>\n<li>first child</li>\n<li>second child</li>\n</ul>\n</li>\n<li>Sibling item</li>\n</ul>")));

        var html = Parse(RedlineHtml.Render(diff));
        var added = Assert.Single(html.QuerySelectorAll("li.added"));
        Assert.Equal("second child", Visible(added));
        Assert.Equal("Parent item", added.ParentElement!.ParentElement!.FirstChild!.TextContent);
        Assert.Equal(2, html.QuerySelectorAll("section#n > ul > li").Length);
    }

    [Fact]
    public void Removed_list_item_goes_back_into_its_own_list()
    {
        var diff = PageDiffer.Compare(
            Page(Section("r", "R", "<p>Intro paragraph.</p>\n<ul>\n<li>keep one</li>\n<li>drop me</li>\n<li>keep two</li>\n</ul>")),
            Page(Section("r", "R", "<p>Intro paragraph.</p>\n<p>Another paragraph first.</p>\n<ul>\n<li>keep one</li>\n<li>keep two</li>\n</ul>")));

        var html = Parse(RedlineHtml.Render(diff));
        var list = Assert.Single(html.QuerySelectorAll("section#r ul"));
        Assert.Equal(["keep one", "drop me", "keep two"], list.Children.Select(Visible));
        Assert.Equal("removed", list.Children[1].ClassName);
    }

    [Fact]
    public void Duplicate_or_empty_section_ids_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => PageDiffer.Compare(Page(Section("a", "A", ""), Section("a", "B", "")), Page()));
        Assert.Throws<ArgumentException>(() => PageDiffer.Compare(Page(), Page(Section("", "A", ""))));
    }

    [Fact]
    public void Tokenizer_splits_words_spaces_and_punctuation()
    {
        Assert.Equal(["Kaltura", "’", "s", " ", "opt", "-", "out", ",", " ", "e", "-", "mail", " ", "(", "café", ")", " ", "😀", "!"],
            WordTokenizer.Instance.Chunk("Kaltura’s opt-out,\n  e-mail (café) 😀!"));
    }

    [Fact]
    public void Summary_names_link_formatting_and_move_counts()
    {
        Assert.Equal("1 section changed; 2 links changed; 1 formatting change; 1 passage moved.",
            new RedlineSummary(0, 0, 1, 0, 0, 0, LinksChanged: 2, FormattingChanged: 1, BlocksMoved: 1).Describe());
        Assert.Equal("2 sections changed; 3 words added; 4 formatting changes; 2 passages moved.",
            new RedlineSummary(0, 0, 2, 0, 3, 0, FormattingChanged: 4, BlocksMoved: 2).Describe());
        Assert.True(new RedlineSummary(0, 0, 0, 0, 0, 0, LinksChanged: 1).HasChanges);
    }

    [Theory]
    [InlineData(0, 0, 0, 0, 0, 0, "No changes.")]
    [InlineData(1, 0, 2, 0, 14, 3, "2 sections changed, 1 added; 14 words added, 3 removed.")]
    [InlineData(0, 0, 1, 0, 1, 0, "1 section changed; 1 word added.")]
    [InlineData(0, 1, 0, 0, 0, 5, "1 section removed; 5 words removed.")]
    [InlineData(0, 0, 0, 2, 0, 0, "2 sections moved.")]
    public void Summary_reads_as_plain_english(int added, int removed, int changed, int moved, int wordsAdded, int wordsRemoved, string expected)
    {
        Assert.Equal(expected, new RedlineSummary(added, removed, changed, moved, wordsAdded, wordsRemoved).Describe());
    }

    /// <summary>A copy of the element without the redline's notes.</summary>
    private static IElement Strip(IElement element)
    {
        var copy = (IElement)element.Clone();
        foreach (var note in copy.QuerySelectorAll(".redline-note").ToList())
        {
            note.Remove();
        }

        return copy;
    }
}
