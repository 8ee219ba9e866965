using AngleSharp.Html.Parser;
using NoticeGen.Check;
using NoticeGen.Compose;
using NoticeGen.Load;
using NoticeGen.Render;

namespace NoticeGen.Tests.Render;

/// <summary>Fragments render through the sandboxed template layer and Markdig, with safe links and per-page references.</summary>
public sealed class MarkdownRendererTests
{
    private const string Site = """
        site:
          title: T
          params:
            contact_email: dpo@example.com
        jurisdictions:
          eu: EU
          california: California
        audiences:
          - id: california
            name: California residents
            jurisdictions: [california]
        notices:
          - id: web
            title: Web Notice
            params:
              product: Web
            sections: [first, eu-only, contact]
          - id: app
            title: App Notice
            params:
              product: App
            sections: [contact]
        """;

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click]( vbscript:msgbox(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    public void Links_with_unsafe_schemes_become_plain_text_with_a_warning(string markdown)
    {
        var (html, diagnostics) = Render(markdown, "web", Audience.EveryoneId);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("a"));
        Assert.Contains(diagnostics.Items, d => d.Severity == Severity.Warning && d.Message.Contains("unsafe scheme", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mix_of_hostile_links_leaves_no_unsafe_href_or_src()
    {
        const string markdown = "<javascript:alert(4)> [x](javascript:y) ![i](javascript:z) [r][ref] <data:text/html,hi> [**b**](vbscript:q) <https://ok.example/>\n\n[ref]: javascript:evil\n";
        var (html, _) = Render(markdown, "web", Audience.EveryoneId);
        var document = new HtmlParser().ParseDocument(html);
        var urls = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .Concat(document.QuerySelectorAll("img[src]").Select(i => i.GetAttribute("src")!)).ToList();
        Assert.Equal(["https://ok.example/"], urls);
        Assert.Contains("javascript:alert(4)", document.Body!.TextContent); // still readable, just not live
    }

    [Theory]
    [InlineData("# Top\n\n## Sub", "<h3 id=\"top\">Top</h3>\n<h4 id=\"sub\">Sub</h4>\n")]
    [InlineData("### Top\n\n#### Sub", "<h3 id=\"top\">Top</h3>\n<h4 id=\"sub\">Sub</h4>\n")]
    public void A_fragments_own_headings_start_below_the_section_heading(string markdown, string html)
    {
        Assert.Equal(html, Render(markdown, "web", Audience.EveryoneId).Html);
    }

    [Fact]
    public void Headings_of_the_same_name_get_ids_numbered_in_page_order()
    {
        // A section's own id ("contact") and a heading's are apart: the first "Contact" heading is qualified at once.
        var html = Render(string.Concat(Enumerable.Repeat("## Same\n\nText.\n\n", 500)) + "## Contact\n", "web", Audience.EveryoneId).Html;
        var ids = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("h3").Select(h => h.Id).ToList();
        Assert.Equal(["same", "first-same", .. Enumerable.Range(2, 498).Select(n => $"first-same-{n}"), "first-contact"], ids);
    }

    [Theory]
    [InlineData("We keep your data. {{", "first.md:5:20")]
    [InlineData("We keep {{ notice.product\n\nmore text here.", "first.md:5:9")]
    [InlineData("Shown as {%{ {{ }%} text, then {{", "first.md:5:32")]
    public void A_brace_pair_never_closed_is_an_error_where_it_opens(string body, string where)
    {
        // Scriban reads an unclosed tag at the end as code that prints nothing: the rest of the section would vanish.
        var error = Assert.Throws<UserErrorException>(() => Render(body, "web", Audience.EveryoneId));
        var finding = Assert.Single(error.Diagnostics);
        Assert.Equal(where, finding.Where.ToString());
        Assert.Contains("is never closed", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_unsafe_link_written_twice_is_reported_at_each_place()
    {
        var (_, diagnostics) = Render("First [a](javascript:alert(1)) here.\n\nThen <vbscript:x> and [b](javascript:alert(1)).", "web", Audience.EveryoneId);
        Assert.Equal(["first.md:5:11", "first.md:7:27", "first.md:7:7"], diagnostics.Items.Select(d => d.Where.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_run()
    {
        var (html, _) = Render("Hello <script>alert(1)</script> <img src=x onerror=alert(1)>", "web", Audience.EveryoneId);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, img"));
        Assert.Contains("<script>", document.Body!.TextContent);
    }

    [Fact]
    public void References_show_the_number_on_each_page_and_fall_back_when_absent()
    {
        // Links are rendered in the canonical form ng:NOTICE/AUDIENCE#ID; the output resolves them for each file.
        var markdown = "See [](#contact) and [](#eu-only \"the EU section\").";
        Assert.Equal("<p>See <a href=\"ng:web/all#contact\">section 3</a> and <a href=\"ng:web/all#eu-only\">section 2</a>.</p>\n", Render(markdown, "web", Audience.EveryoneId).Html);
        Assert.Equal("<p>See <a href=\"ng:web/california#contact\">section 2</a> and <span data-ng-ref=\"web/california#eu-only\">the EU section</span>.</p>\n",
            Render(markdown, "web", "california").Html);
    }

    [Fact]
    public void An_editor_cannot_write_a_canonical_link_themselves()
    {
        var (html, diagnostics) = Render("A [forged](ng:web/all#contact) link and <ng:web/all>.", "web", Audience.EveryoneId);
        Assert.DoesNotContain("href", html);
        Assert.Contains(diagnostics.Items, d => d.Message.Contains("unsafe scheme", StringComparison.Ordinal));
    }

    [Fact]
    public void References_to_another_notice_link_to_its_page_for_the_same_audience()
    {
        var (html, _) = Render("Read [](notice:app#contact) of the [app notice](notice:app).", "web", "california");
        Assert.Equal("<p>Read <a href=\"ng:app/california#contact\">section 1</a> of the <a href=\"ng:app/california\">app notice</a>.</p>\n", html);
    }

    [Fact]
    public void Templates_see_notice_and_site_values_but_not_the_clock()
    {
        Assert.Equal("<p>Web, dpo@example.com</p>\n", Render("{{ notice.product }}, {{ site.contact_email }}", "web", Audience.EveryoneId).Html);
        var error = Assert.Throws<UserErrorException>(() => Render("{{ date.now }}", "web", Audience.EveryoneId));
        Assert.Contains("first.md:5:", error.Diagnostics[0].ToString());
    }

    [Fact]
    public void Applies_shows_a_passage_only_to_audiences_with_one_of_the_jurisdictions()
    {
        const string markdown = "All.{{ if applies \"california\" \"eu\" }} Some.{{ end }}";
        Assert.Equal(
            "<p>All. <span class=\"applies-passage\"><span class=\"applies-to\">Applies to California and EU residents:</span> Some.</span></p>\n",
            Render(markdown, "web", Audience.EveryoneId).Html);
        Assert.Equal("<p>All. Some.</p>\n", Render(markdown, "web", "california").Html);
    }

    [Fact]
    public void Output_is_bounded()
    {
        var error = Assert.Throws<UserErrorException>(() => Render("{{ for i in 1..9000 }}{{ \"x\" | string.pad_right 1000 }}{{ end }}", "web", Audience.EveryoneId));
        Assert.Contains("first.md:5:", error.Diagnostics[0].ToString());
    }

    [Theory]
    [InlineData("{{ math.random 1 1000000 }}")]
    [InlineData("{{ math.uuid }}")]
    [InlineData("{{ object.eval \"1 + 1\" }}")]
    [InlineData("{{ object.eval_template \"{{ 1 }}\" }}")]
    [InlineData("{{ date.now }}")]
    public void Templates_cannot_reach_randomness_the_clock_or_run_time_evaluation(string markdown)
    {
        var error = Assert.Throws<UserErrorException>(() => Render(markdown, "web", Audience.EveryoneId));
        Assert.Contains("first.md:5:", error.Diagnostics[0].ToString());
    }

    [Fact]
    public void Ordinary_builtins_still_work()
    {
        Assert.Equal("<p>WEB 3</p>\n", Render("{{ notice.product | string.upcase }} {{ math.abs(-3) }}", "web", Audience.EveryoneId).Html);
    }

    [Fact]
    public void Loops_are_bounded()
    {
        var error = Assert.Throws<UserErrorException>(() => Render("{{ for i in 1..100000 }}x{{ end }}", "web", Audience.EveryoneId));
        Assert.Contains("first.md:5:", error.Diagnostics[0].ToString());
    }

    private static (string Html, DiagnosticSink Diagnostics) Render(string body, string notice, string audience)
    {
        var model = SiteLoader.Load(Site);
        var known = model.Jurisdictions.Select(j => j.Id).ToHashSet();
        var fragments = new List<Fragment>
        {
            FragmentParser.Parse($"---\nid: first\ntitle: First\n---\n{body}\n", "first.md", known),
            FragmentParser.Parse("---\nid: eu-only\ntitle: EU\njurisdictions: [eu]\n---\nEU.\n", "eu.md", known),
            FragmentParser.Parse("---\nid: contact\ntitle: Contact\n---\nContact.\n", "contact.md", known),
        };
        var diagnostics = new DiagnosticSink();
        var plan = SitePlanner.Plan(new ContentSet(model, fragments), diagnostics);
        var page = plan.Find(notice, audience)!;
        var rendered = new PageRenderer(plan, new TemplateContextPool(ScribanLimits.Fragments)).Render(page, diagnostics);
        diagnostics.ThrowIfErrors();
        return (rendered.Sections[0].Html, diagnostics);
    }
}
