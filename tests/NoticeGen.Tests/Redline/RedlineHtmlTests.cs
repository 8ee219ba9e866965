using Markdig;
using NoticeGen.Redline;
using static NoticeGen.Tests.Redline.RedlineSupport;

namespace NoticeGen.Tests.Redline;

public sealed class RedlineHtmlTests
{
    private static readonly PageText Old = PageWithIntro("<p>This notice explains how we handle information.</p>",
        Section("collect", "1. What we collect", "<p>We collect your name and email address when you register.</p>\n<ul>\n<li>account data</li>\n<li>usage data</li>\n</ul>"),
        Section("security", "2. Security", "<p>We protect your information with encryption.</p>"),
        Section("old", "3. Legacy terms", "<p>These legacy terms no longer apply.</p>"),
        Section("contact", "4. Contacting Kaltura", "<p>Write to <a href=\"mailto:dpo@example.com\">our officer</a>.</p>"));

    private static readonly PageText New = PageWithIntro("<p>This notice explains how we handle information.</p>",
        Section("collect", "1. What we collect", "<p>We collect your name and postal address when you register.</p>\n<ul>\n<li>account data</li>\n<li>device data</li>\n<li>usage data</li>\n</ul>"),
        Section("security", "2. Security", "<p>We protect your information with encryption.</p>"),
        Section("contact", "3. Contacting us", "<p>Write to <a href=\"mailto:privacy@example.com\">our officer</a>.</p>"),
        Section("ai", "4. Artificial intelligence", "<p>We do not train models on your content.</p>"));

    private static string Redline => RedlineHtml.Render(PageDiffer.Compare(Old, New));

    [Fact]
    public void Summary_comes_first_and_lists_the_changed_sections()
    {
        var html = Parse(Redline);
        var summary = html.Body!.FirstElementChild!;
        Assert.Equal("redline-summary", summary.ClassName);
        Assert.Equal("2 sections changed, 1 added, 1 removed; 16 words added, 12 removed; 1 link changed.", summary.QuerySelector("p")!.TextContent);
        Assert.Equal(["#collect", "#contact", "#ai", "#old"],
            summary.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")!).OrderBy(h => h == "#old"));
        Assert.DoesNotContain(summary.QuerySelectorAll("li"), li => li.TextContent.Contains("Security", StringComparison.Ordinal));
    }

    [Fact]
    public void Sections_carry_their_change_and_id()
    {
        var sections = Parse(Redline).QuerySelectorAll("section.redline-section");
        Assert.Equal(
            [("", "unchanged"), ("collect", "changed"), ("security", "unchanged"), ("old", "removed"), ("contact", "changed"), ("ai", "added")],
            sections.Select(s => (s.Id ?? string.Empty, s.GetAttribute("data-change")!)));
        Assert.Equal("redline-section removed", sections[3].ClassName);
        Assert.Equal("redline-section added", sections[5].ClassName);
        Assert.Equal("3. Legacy terms", Visible(sections[3].QuerySelector("h2 > del")!));
        Assert.Equal("4. Artificial intelligence", Visible(sections[5].QuerySelector("h2 > ins")!));
        Assert.Equal("These legacy terms no longer apply.", Visible(sections[3].QuerySelector("p.removed > del")!));
    }

    [Fact]
    public void Unchanged_sections_keep_their_heading_and_collapse_their_text()
    {
        var security = Parse(Redline).GetElementById("security")!;
        Assert.Equal(["H2", "DETAILS"], security.Children.Select(c => c.TagName));
        Assert.Equal("2. Security (unchanged)", security.Children[0].TextContent);
        var details = security.Children[1];
        Assert.Null(details.GetAttribute("open"));
        Assert.Equal("Show the unchanged text of “2. Security”", details.QuerySelector("summary")!.TextContent);
        Assert.Equal("We protect your information with encryption.", details.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void Every_change_starts_with_hidden_text_once_per_run()
    {
        var html = Parse(Redline);
        Assert.All(html.QuerySelectorAll("ins, del"), change =>
        {
            var marker = change.FirstElementChild!;
            Assert.Same(marker, change.FirstChild);
            Assert.Equal("visually-hidden", marker.ClassName);
            Assert.Equal(change.TagName == "INS" ? "added: " : "removed: ", marker.TextContent);
            Assert.Single(change.QuerySelectorAll(".visually-hidden"));
        });
        Assert.All(html.QuerySelectorAll("ins + ins, del + del"), adjacent => Assert.Fail("two runs of one change: " + adjacent.OuterHtml));
    }

    [Fact]
    public void Changes_never_cross_block_boundaries()
    {
        var html = Parse(Redline);
        Assert.Empty(html.QuerySelectorAll(string.Join(", ",
            from change in new[] { "ins", "del" }
            from block in new[] { "p", "li", "ul", "ol", "h2", "h3", "div", "section", "table", "tr", "td", "blockquote" }
            select $"{change} {block}")));
        Assert.Empty(html.QuerySelectorAll("p p, p ul, p div, p section"));
    }

    [Fact]
    public void A_link_with_a_new_target_keeps_its_words_and_notes_both_targets()
    {
        var contact = Parse(Redline).GetElementById("contact")!;
        Assert.Empty(contact.QuerySelectorAll("p ins, p del"));
        var link = contact.QuerySelector("p > a")!;
        Assert.Equal(("mailto:privacy@example.com", "our officer"), (link.GetAttribute("href"), link.TextContent));
        var mark = link.NextElementSibling!;
        Assert.Equal(("redline-note redline-mark", "link"), (mark.ClassName, mark.GetAttribute("data-mark")));
        Assert.Equal(["mailto:dpo@example.com", "mailto:privacy@example.com"], mark.QuerySelectorAll(".redline-target").Select(t => t.TextContent));
    }

    [Fact]
    public void A_link_cut_by_a_change_becomes_several_links_to_the_same_place()
    {
        var diff = PageDiffer.Compare(
            Page(Section("a", "A", "<p>See <a href=\"https://example.com/p\">our current privacy choices page</a> today.</p>")),
            Page(Section("a", "A", "<p>See <a href=\"https://example.com/p\">our current security choices page</a> today.</p>")));

        var paragraph = Parse(RedlineHtml.Render(diff)).QuerySelector("section p")!;
        var links = paragraph.QuerySelectorAll("a");
        Assert.All(links, a => Assert.Equal("https://example.com/p", a.GetAttribute("href")));
        Assert.Equal("our current privacy security choices page", Fold(string.Join(" ", links.Select(a => a.TextContent))));
        Assert.Equal("privacy", paragraph.QuerySelector("del > a")!.TextContent);
        Assert.Equal("security", paragraph.QuerySelector("ins > a")!.TextContent);
    }

    [Fact]
    public void Output_reparses_to_the_same_markup()
    {
        var redline = Redline;
        Assert.Equal(redline, Parse(redline).Body!.InnerHtml);
    }

    [Fact]
    public void Text_and_attributes_are_escaped()
    {
        var diff = PageDiffer.Compare(
            Page(Section("x\"<y>", "AT&T <rules>", "<p>Fish &amp; chips &lt;b&gt; at <a href=\"https://example.com/?a=1&amp;b=&quot;2&quot;\">the shop</a>.</p>")),
            Page(Section("x\"<y>", "AT&T <rules> & more", "<p>Fish &amp; chips &lt;i&gt; at <a href=\"https://example.com/?a=1&amp;b=&quot;3&quot;\">the shop</a>.</p>")));

        var redline = RedlineHtml.Render(diff);
        Assert.Equal(redline, Parse(redline).Body!.InnerHtml);
        var html = Parse(redline);
        Assert.NotNull(html.GetElementById("x\"<y>"));
        Assert.Equal("https://example.com/?a=1&b=\"3\"", html.QuerySelector("p > a")!.GetAttribute("href"));
        Assert.Equal(["https://example.com/?a=1&b=\"2\"", "https://example.com/?a=1&b=\"3\""], html.QuerySelectorAll(".redline-target").Select(t => t.TextContent));
        Assert.Contains("Fish &amp; chips &lt;", redline, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepting_and_rejecting_the_example_gives_back_both_pages()
    {
        var redline = Redline;
        Assert.Equal(WithoutEmptyIntro(SectionTexts(New)), WithoutEmptyIntro(Accept(redline)));
        Assert.Equal(WithoutEmptyIntro(SectionTexts(Old)).OrderBy(s => s.Id), WithoutEmptyIntro(Reject(redline)).OrderBy(s => s.Id));
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        Assert.Equal(RedlineHtml.Render(PageDiffer.Compare(Old, New)), RedlineHtml.Render(PageDiffer.Compare(Old, New)));
    }

    [Fact]
    public void Changed_blocks_are_passages_with_their_section()
    {
        var passages = PageDiffer.Compare(Old, New).ChangedBlocks();

        Assert.Equal(
            [("collect", ChangeKind.Changed), ("collect", ChangeKind.Added), ("old", ChangeKind.Removed), ("old", ChangeKind.Removed),
             ("contact", ChangeKind.Changed), ("contact", ChangeKind.Changed), ("ai", ChangeKind.Added), ("ai", ChangeKind.Added)],
            passages.Select(p => (p.SectionId, p.Kind)));
        var item = passages[1];
        Assert.Equal("1. What we collect", item.SectionHeading);
        Assert.Equal("<ul>\n<li class=\"added\"><ins><span class=\"visually-hidden\">added: </span>device data</ins></li>\n</ul>", item.Html);
        Assert.Equal("3. Legacy terms", passages[2].SectionHeading);
        Assert.StartsWith("<p class=\"heading-change\">", passages[2].Html, StringComparison.Ordinal);
        Assert.All(passages, p => Assert.Equal(p.Html, Parse(p.Html).Body!.InnerHtml));
    }

    [Fact]
    public void A_renamed_heading_passage_is_a_paragraph_not_a_heading()
    {
        var diff = PageDiffer.Compare(
            Page(Section("contact", "4. Contacting Kaltura", "<p>Write to us.</p>")),
            Page(Section("contact", "4. Contacting us", "<p>Write to us.</p>")));

        var passage = Assert.Single(diff.ChangedBlocks());
        var body = Parse(passage.Html).Body!;
        Assert.Empty(body.QuerySelectorAll("h1, h2, h3, h4, h5, h6"));
        var paragraph = Assert.Single(body.Children);
        Assert.Equal(("P", "heading-change"), (paragraph.TagName, paragraph.ClassName));
        Assert.Equal("Kaltura", Visible(paragraph.QuerySelector("del")!));
        Assert.Equal("us", Visible(paragraph.QuerySelector("ins")!));
        Assert.Equal(passage.Html, body.InnerHtml);
    }

    [Fact]
    public void Heading_passages_of_added_sections_and_heading_blocks_are_paragraphs_too()
    {
        var diff = PageDiffer.Compare(
            Page(Section("a", "1. A", "<h3>Old subheading</h3>\n<p>Text.</p>")),
            Page(Section("a", "1. A", "<h3>New subheading</h3>\n<p>Text.</p>"), Section("b", "2. B", "<h3>Sub</h3>\n<p>More.</p>")));

        var passages = diff.ChangedBlocks();
        Assert.Equal(4, passages.Count);
        Assert.All(passages, p => Assert.Empty(Parse(p.Html).QuerySelectorAll("h1, h2, h3, h4, h5, h6")));
        Assert.Equal(
            ["heading-change changed", "heading-change", "heading-change added", "added"],
            passages.Select(p => Parse(p.Html).Body!.FirstElementChild!.ClassName));
        Assert.Contains("(new section)", passages[1].Html, StringComparison.Ordinal);

        // The page redline keeps its headings: only passages, which sit under other headings, turn them into paragraphs.
        var page = Parse(RedlineHtml.Render(diff));
        Assert.Equal(2, page.QuerySelectorAll("section h3").Length);
        Assert.Empty(page.QuerySelectorAll(".heading-change"));
    }

    [Fact]
    public void Redlines_with_id_prefixes_share_one_document_without_duplicate_ids()
    {
        var links = Page(Section("collect", "1. What we collect", "<p>See <a href=\"#contact\">contact</a> and <a href=\"#top\">top</a>.</p>"),
            Section("contact", "2. Contact", "<p>Write to us.</p>"));
        var linksChanged = Page(Section("collect", "1. What we collect", "<p>See <a href=\"#contact\">how to contact us</a> and <a href=\"#top\">top</a>.</p>"),
            Section("contact", "2. Contact", "<p>Write to us.</p>"));
        var document = Parse(
            "<div id=\"top\">" + RedlineHtml.Render(PageDiffer.Compare(Old, New), "p1-") + "</div>" +
            RedlineHtml.Render(PageDiffer.Compare(links, linksChanged), "p2-"));

        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Distinct(StringComparer.Ordinal), ids);
        Assert.Contains("p1-collect", ids);
        Assert.Contains("p2-collect", ids);
        var summaryLinks = document.QuerySelectorAll(".redline-summary a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(5, summaryLinks.Count);
        Assert.All(summaryLinks, href => Assert.Contains(href[1..], ids));

        // A link in the text to a section of the same page follows the section's new id; any other link is left alone.
        Assert.Equal(["#p2-contact", "#top"],
            document.QuerySelectorAll("#p2-collect p a").Select(a => a.GetAttribute("href")!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Footnotes_abbreviations_and_anchors_keep_their_markup_and_their_ids_follow_the_prefix()
    {
        var markdown = new Markdig.MarkdownPipelineBuilder().UseFootnotes().UseAbbreviations().Build();
        string Html(string text) => Markdig.Markdown.ToHtml(text, markdown);
        var diff = PageDiffer.Compare(
            Page(Section("retention", "9. Retention", Html("We keep data for 7 years[^1] under the GDPR.\n\n*[GDPR]: General Data Protection Regulation\n\n[^1]: As the law requires.\n"))),
            Page(Section("retention", "9. Retention", Html("<a id=\"keep\"></a>We keep data for 5 years[^1] under the GDPR.\n\n*[GDPR]: EU General Data Protection Regulation\n\n[^1]: As the law requires, or longer.\n"))));

        var document = Parse(RedlineHtml.Render(diff, "p1-"));
        var reference = document.QuerySelector("a.footnote-ref")!;
        Assert.Equal(("p1-fnref:1", "#p1-fn:1", "1"), (reference.Id, reference.GetAttribute("href"), reference.QuerySelector("sup")!.TextContent));
        Assert.Equal("p1-fn:1", document.QuerySelector("div.footnotes li")!.Id);
        Assert.Equal("#p1-fnref:1", document.QuerySelector("a.footnote-back-ref")!.GetAttribute("href"));
        Assert.Equal("EU General Data Protection Regulation", document.QuerySelector("abbr")!.GetAttribute("title"));
        Assert.Equal(" (formatting changed: abbreviation changed)", document.QuerySelector("abbr + .redline-mark")!.TextContent);

        // The new anchor has no words: like the abbreviation's new title, it is a formatting change.
        Assert.Equal(2, diff.Summary.FormattingChanged);
        Assert.Equal((3, 1), (diff.Summary.WordsAdded, diff.Summary.WordsRemoved));
        Assert.Equal(["p1-retention", "p1-keep", "p1-fnref:1", "p1-fn:1"], document.QuerySelectorAll("[id]").Select(e => e.Id));

        // Passages go into changelogs beside other pages': they keep the links but write no ids.
        Assert.All(diff.ChangedBlocks(), p => Assert.Empty(Parse(p.Html).QuerySelectorAll("[id]")));
    }
}
