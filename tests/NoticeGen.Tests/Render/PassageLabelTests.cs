using AngleSharp.Html.Parser;
using CsCheck;
using NoticeGen.Check;
using NoticeGen.Compose;
using NoticeGen.Load;
using NoticeGen.Render;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Render;

/// <summary>
/// On the full notice, a passage limited with {{ if applies }} says whom it applies to; every other page renders exactly
/// as the text without labels, and no mark ever reaches a page.
/// </summary>
public sealed class PassageLabelTests
{
    private const string Site = """
        site:
          title: T
        jurisdictions:
          eu: EU/EEA
          uk: United Kingdom
          california: California
        audiences:
          - id: california
            name: California residents
            jurisdictions: [california]
          - id: everywhere
            name: Residents of every jurisdiction
            jurisdictions: [eu, uk, california]
          - id: europe
            name: European residents
            jurisdictions: [eu, uk]
        notices:
          - id: web
            title: Web Notice
            sections: [first, shared]
        """;

    private const string Shared = "Shared.{{ if applies \"uk\" }} UK only.{{ end }}";

    [Fact]
    public void A_passage_of_whole_paragraphs_is_framed_under_a_label_on_the_full_notice_only()
    {
        const string body = "Intro.\n\n{{ if applies \"eu\" \"uk\" }}\n\nEU one.\n\nEU two.\n\n{{ end }}\n\nAfter.";
        Assert.Equal(
            "<p>Intro.</p>\n<div class=\"applies-passage\">\n<p class=\"applies-to\">Applies to EU/EEA and United Kingdom residents</p>\n<p>EU one.</p>\n<p>EU two.</p>\n</div>\n<p>After.</p>\n",
            Render(body, Audience.EveryoneId));
        Assert.Equal("<p>Intro.</p>\n<p>After.</p>\n", Render(body, "california"));
        Assert.Equal("<p>Intro.</p>\n<p>EU one.</p>\n<p>EU two.</p>\n<p>After.</p>\n", Render(body, "everywhere"));
    }

    [Fact]
    public void A_passage_inside_a_sentence_is_framed_inline_with_its_label_first()
    {
        const string body = "All laws{{ if applies \"california\" \"eu\" }}, including the CCPA{{ end }}.";
        Assert.Equal(
            "<p>All laws, <span class=\"applies-passage\"><span class=\"applies-to\">Applies to California and EU/EEA residents:</span> including the CCPA</span>.</p>\n",
            Render(body, Audience.EveryoneId));
        Assert.Equal("<p>All laws, including the CCPA.</p>\n", Render(body, "california"));
    }

    [Fact]
    public void A_passage_that_is_a_whole_list_frames_the_list_and_part_of_a_list_gets_a_label_in_its_first_item()
    {
        var whole = Html(Render("Rights:\n\n{{ if applies \"eu\" }}\n- access\n- erasure\n{{ end }}\n", Audience.EveryoneId));
        Assert.Equal(2, whole.QuerySelectorAll("div.applies-passage > ul > li").Length);

        var part = Html(Render("- access\n{{ if applies \"eu\" }}- erasure\n- portability\n{{ end }}- appeal\n", Audience.EveryoneId));
        var items = part.QuerySelectorAll("ul > li").Select(li => li.TextContent).ToList();
        Assert.Equal(["access", "Applies to EU/EEA residents: erasure", "portability", "appeal"], items);
        Assert.Single(part.QuerySelectorAll("ul"));
    }

    [Fact]
    public void A_passage_of_table_rows_keeps_the_table_intact()
    {
        const string table = "| Right | Where |\n| --- | --- |\n| Access | everywhere |\n{{ if applies \"california\" }}| Opt out | California |\n{{ end }}";
        var page = Html(Render(table, Audience.EveryoneId));
        var rows = page.QuerySelectorAll("table tr").Select(r => r.QuerySelectorAll("th, td").Length).ToList();
        Assert.Equal([2, 2, 2], rows);
        Assert.Equal("Applies to California residents: Opt out", page.QuerySelectorAll("table tr")[2].QuerySelector("td")!.TextContent);
        Assert.Equal(2, Html(Render(table, "california")).QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public void A_passage_in_an_included_fragment_is_labelled_where_it_is_included()
    {
        var html = Render("Before. {{ include \"shared\" }}", Audience.EveryoneId);
        Assert.Contains("<span class=\"applies-to\">Applies to United Kingdom residents:</span> UK only.", html, StringComparison.Ordinal);
        Assert.Equal("<p>Before. Shared.</p>\n", Render("Before. {{ include \"shared\" }}", "california"));
    }

    [Fact]
    public void An_included_fragment_keeps_its_own_jurisdictions_where_it_is_included()
    {
        // Included from a section every page shows, a fragment limited to California still reaches only Californians.
        const string body = "Everyone. {{ include \"ca-only\" }}";
        Assert.Equal("<p>Everyone. California only.</p>\n", Render(body, "california"));
        Assert.Equal("<p>Everyone. California only.</p>\n", Render(body, "everywhere"));
        Assert.DoesNotContain("California only", Render(body, "europe"), StringComparison.Ordinal);
        Assert.Contains("<span class=\"applies-to\">Applies to California residents:</span> California only.", Render(body, Audience.EveryoneId), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ if notice.id == \"web\" }}Web only.{{ end }}")]
    [InlineData("{{ if !(applies \"eu\") }}Not EU.{{ end }}")]
    [InlineData("{{ if (applies \"eu\") || notice.id == \"web\" }}Either.{{ end }}")]
    [InlineData("{{ if applies \"california\" }}{{ else }}Not California.{{ end }}")]
    public void A_condition_that_does_not_limit_a_passage_to_jurisdictions_gets_no_label(string body)
    {
        Assert.DoesNotContain("applies-to", Render(body, Audience.EveryoneId), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ if (applies \"eu\") || (applies \"uk\") }}European.{{ end }}", "Applies to EU/EEA and United Kingdom residents")]
    [InlineData("{{ if notice.id == \"web\" && (applies \"eu\") }}Web, EU.{{ end }}", "Applies to EU/EEA residents")]
    public void Conditions_joined_by_or_and_and_are_labelled_with_the_jurisdictions_they_limit_to(string body, string label)
    {
        Assert.Equal(label, Html(Render(body, Audience.EveryoneId)).QuerySelector(".applies-to")!.TextContent);
    }

    [Fact]
    public void A_mark_where_no_label_can_go_is_dropped_and_the_link_still_works()
    {
        var html = Render("See [the site](https://{{ if applies \"eu\" }}eu.{{ end }}example.com/) or `{{ if applies \"eu\" }}code{{ end }}`.", Audience.EveryoneId);
        Assert.Contains("href=\"https://eu.example.com/\"", html, StringComparison.Ordinal);
        Assert.Contains("<code>code</code>", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\uE000', html);
        Assert.DoesNotContain("%EE%80", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heading_that_opens_a_passage_keeps_its_anchor_and_table_of_contents_text()
    {
        var (html, headings) = RenderWithHeadings("{{ if applies \"eu\" }}\n### Your rights\n\nText.\n{{ end }}", Audience.EveryoneId);
        Assert.Equal("Your rights", Assert.Single(headings).Text);
        Assert.False(string.IsNullOrEmpty(headings[0].Id));
        var heading = Html(html).QuerySelector("div.applies-passage > h3")!;
        Assert.Equal(Assert.Single(headings).Id, heading.Id);
        Assert.Equal("Your rights", heading.TextContent);
        Assert.StartsWith("<div class=\"applies-passage\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Phone_numbers_keep_their_digits_together_and_counts_do_not()
    {
        var html = Render("Tel: +1 800 871 5224, or (03) 9123 4567, sections 12 13.", "california");
        Assert.Contains("+1\u00A0800\u00A0871\u00A05224", html, StringComparison.Ordinal);
        Assert.Contains("(03)\u00A09123\u00A04567", html, StringComparison.Ordinal);
        Assert.Contains("sections 12 13", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// For any arrangement of paragraphs, lists, headings, quotes and inline passages: the full notice without its labels
    /// reads exactly as the page of an audience that sees every passage, and the audience pages hold no label or mark.
    /// </summary>
    [Fact]
    public void The_full_notice_reads_as_the_text_plus_labels_and_no_mark_ever_leaks()
    {
        var pieces = Gen.OneOf(
            "Plain words.", "- item one\n- item two", "> quoted", "### Heading", "| a | b |\n| - | - |\n| c | d |", "1. first\n2. second",
            "Tel: +44 20 7946 0958", "Text with [a link](https://example.com/).", "**bold** and *emphasis*");
        var jurisdiction = Gen.OneOf("\"eu\"", "\"uk\"", "\"california\"", "\"eu\" \"uk\"");
        var block = Gen.Select(pieces, jurisdiction, Gen.Int[0, 4], (text, ids, shape) => shape switch
        {
            0 => text,
            1 => $"{{{{ if applies {ids} }}}}\n{text}\n{{{{ end }}}}",
            2 => $"{text} {{{{ if applies {ids} }}}}and more{{{{ end }}}} words.",
            3 => $"{text}{{{{ if applies {ids} }}}}, and more{{{{ end }}}}; words.",
            _ => $"{{{{ if applies {ids} }}}}\n\n{text}\n\n{{{{ if applies \"uk\" }}}}Nested.{{{{ end }}}}\n\n{{{{ end }}}}",
        });
        block.Array[1, 6].Select(blocks => string.Join("\n\n", blocks)).Sample(body =>
        {
            var full = Html(Render(body, Audience.EveryoneId));
            var everywhere = Html(Render(body, "everywhere"));
            foreach (var label in full.QuerySelectorAll(".applies-to").ToList())
            {
                label.Remove();
            }

            Assert.Equal(Words(everywhere.Body!), Words(full.Body!));
            var california = Render(body, "california");
            Assert.DoesNotContain("applies-", california, StringComparison.Ordinal);
            Assert.DoesNotContain('\uE000', full.Body!.OuterHtml);
            Assert.DoesNotContain('\uE000', california);
        }, iter: 300);
    }

    private static IReadOnlyList<string> Words(AngleSharp.Dom.INode node) => TestSupport.Html.Words(node);

    private static AngleSharp.Html.Dom.IHtmlDocument Html(string html) => new HtmlParser().ParseDocument(html);

    private static string Render(string body, string audience) => RenderWithHeadings(body, audience).Html;

    private static (string Html, IReadOnlyList<SubHeading> Headings) RenderWithHeadings(string body, string audience)
    {
        var model = SiteLoader.Load(Site);
        var known = model.Jurisdictions.Select(j => j.Id).ToHashSet();
        var fragments = new List<Fragment>
        {
            FragmentParser.Parse($"---\nid: first\ntitle: First\n---\n{body}\n", "first.md", known),
            FragmentParser.Parse($"---\nid: shared\ntitle: Shared\n---\n{Shared}\n", "shared.md", known),
            FragmentParser.Parse("---\nid: ca-only\ntitle: CA\njurisdictions: [california]\n---\nCalifornia only.\n", "ca-only.md", known),
        };
        var diagnostics = new DiagnosticSink();
        var plan = SitePlanner.Plan(new ContentSet(model, fragments), diagnostics);
        var rendered = new PageRenderer(plan, new TemplateContextPool(ScribanLimits.Fragments)).Render(plan.Find("web", audience)!, diagnostics);
        diagnostics.ThrowIfErrors();
        return (rendered.Sections[0].Html, rendered.Sections[0].Headings);
    }
}
