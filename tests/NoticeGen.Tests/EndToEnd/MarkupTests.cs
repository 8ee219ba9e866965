using AngleSharp.Dom;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.EndToEnd;

/// <summary>
/// The markup real policies use: HTML comments dropped, a small safe set of inline HTML kept, anything else shown as
/// text with a located warning; footnotes numbered per page; headings inside sections anchored, listed in the table of
/// contents and usable in references; 'template: false' keeps braces copied from another site as text.
/// </summary>
public sealed class MarkupTests : IDisposable
{
    private readonly TempSite _site = TempSite.FromFixture("mini");

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Comments_disappear_safe_inline_html_stays_and_other_html_is_text_with_a_warning()
    {
        _site.Write("content/contact.md", """
            ---
            id: contact
            title: Contact
            ---
            <!-- markdownlint-disable MD033 -->
            Data Protection Officer<br>
            Acme, Inc. <!-- not for readers --> under the <abbr title="General Data Protection Regulation">GDPR</abbr>, Art. 13<sup>1</sup> and H<sub>2</sub>O.
            <a name="dpo-contact"></a>Write to <dpo@acme.test>.

            <div class="boxed">A boxed note.</div>

            Click <span onclick="steal()">here</span>.
            """);
        var result = TestSupport.Cli.Build(_site);
        var section = Html.Page(_site, "web/").GetElementById("contact")!;
        Assert.DoesNotContain("markdownlint", section.OuterHtml);
        Assert.DoesNotContain("not for readers", section.OuterHtml);
        Assert.NotNull(section.QuerySelector("br"));
        Assert.Equal("General Data Protection Regulation", section.QuerySelector("abbr")!.GetAttribute("title"));
        Assert.Equal("1", section.QuerySelector("sup")!.TextContent);
        Assert.Equal("2", section.QuerySelector("sub")!.TextContent);
        Assert.NotNull(section.QuerySelector("a#dpo-contact:not([href])"));
        Assert.Null(section.QuerySelector("div.boxed, span, [onclick]"));
        Assert.Contains("<div class=\"boxed\">A boxed note.</div>", section.TextContent);
        Assert.Contains("<span onclick=\"steal()\">", section.TextContent);
        Assert.Contains("content/contact.md:10:1: warning: The HTML '<div class=\"boxed\">A boxed note.</div>' is shown as text", result.Stderr);
        Assert.Contains("content/contact.md:12:7: warning: The HTML '<span onclick=\"steal()\">' is shown as text", result.Stderr);
        Assert.Contains("[NG2006]", result.Stderr);
    }

    [Fact]
    public void Html_after_an_include_is_located_where_the_editor_wrote_it_not_where_the_include_moved_it()
    {
        // The included fragment is two lines long: counted in the rendered Markdown, the <img> stood on line 7 of a
        // six-line file (a random property test found it).
        _site.Write("content/covers.md", "---\nid: covers\ntitle: What this notice covers\n---\n{{ include \"contact\" }} and <img src=x onerror=alert(1)>\n");
        _site.Write("content/snippet.md", "---\nid: snippet\ntitle: Snippet\n---\nA line <span class=\"x\">with a span</span>.\n");
        _site.Replace("content/covers.md", "{{ include \"contact\" }}", "{{ include \"contact\" }}\n{{ include \"snippet\" }}");

        var result = TestSupport.Cli.Run("build", "--site", _site.Dir, "--out", _site.Out);

        Assert.Contains("content/covers.md:6:29: warning: The HTML '<img src=x onerror=alert(1)>' is shown as text", result.Stderr);
        // HTML that only an included fragment holds is reported in that fragment.
        Assert.Contains("content/snippet.md:5:8: warning: The HTML '<span class=\"x\">' is shown as text", result.Stderr);
    }

    [Fact]
    public void Footnotes_are_numbered_across_the_page_with_unique_ids_and_working_links()
    {
        _site.Replace("content/covers.md", "- one", "- one[^scope]\n\n[^scope]: Only the websites named here.");
        _site.Replace("content/contact.md", "Write to <dpo@acme.test>.", "Write to <dpo@acme.test>.[^dpo] Or call.[^call]\n\n[^dpo]: Our data protection officer.\n[^call]: Office hours only.");
        TestSupport.Cli.Build(_site);
        var page = Html.Page(_site, "web/");
        Assert.Equal(["1", "2", "3"], page.QuerySelectorAll("sup.footnote-ref a").Select(a => a.TextContent));
        Assert.Equal(["fn-1", "fn-2", "fn-3"], page.QuerySelectorAll(".footnotes > ol > li").Select(li => li.Id));
        Assert.Equal("2", page.GetElementById("contact")!.QuerySelector(".footnotes ol")!.GetAttribute("start"));
        foreach (var link in page.QuerySelectorAll(".footnote-ref a, .footnote-back-ref"))
        {
            Assert.NotNull(page.GetElementById(link.GetAttribute("href")!.TrimStart('#')));
        }
    }

    [Fact]
    public void Headings_inside_sections_get_anchors_in_the_contents_and_can_be_referenced()
    {
        _site.Replace("content/covers.md", "- one", "### Usage information\n\nHow we use it.\n\n### Retention {#keep}\n\n- one");
        _site.Replace("content/contact.md", "Write to <dpo@acme.test>.", "### Usage information\n\nSee [](#usage-information), [](#covers/keep) and [the contact use](#contact/usage-information).\n\nWrite to <dpo@acme.test>.");
        TestSupport.Cli.Build(_site);
        var page = Html.Page(_site, "web/");
        Assert.Equal("Usage information", page.GetElementById("usage-information")!.TextContent);
        Assert.Equal("Retention", page.GetElementById("keep")!.TextContent);
        Assert.Equal("Usage information", page.GetElementById("contact-usage-information")!.TextContent); // the second one on the page
        var toc = page.QuerySelector("nav.toc")!;
        Assert.Equal(["#usage-information", "#keep"], toc.QuerySelectorAll("a[href='#covers'] + ul a").Select(a => a.GetAttribute("href")));
        var links = page.GetElementById("contact")!.QuerySelectorAll("p a").ToList();
        Assert.Equal([("“Usage information”", "#usage-information"), ("“Retention”", "#keep"), ("the contact use", "#contact-usage-information")],
            links.Take(3).Select(a => (a.TextContent, a.GetAttribute("href")!)));
    }

    [Fact]
    public void A_reference_to_a_heading_that_is_not_on_the_page_is_an_error_unless_it_says_what_to_show()
    {
        _site.Replace("content/gdpr.md", "Contact us per [](#contact).", "### EU representative\n\nContact us per [](#contact).");
        _site.Replace("content/contact.md", "Write to <dpo@acme.test>.", "See [](#eu-representative). Write to <dpo@acme.test>.");
        var error = TestSupport.Cli.Run("build", "--site", _site.Dir, "--out", _site.Out);
        Assert.Equal(2, error.ExitCode);
        Assert.Contains("content/contact.md:5:8: error: The section 'eu-representative' is not on the app page", error.Stderr);

        _site.Replace("content/contact.md", "[](#eu-representative)", "[](#eu-representative \"our EU representative\")");
        TestSupport.Cli.Build(_site);
        Assert.Contains("See our EU representative.", Html.Page(_site, "web/california/").GetElementById("contact")!.TextContent);
        Assert.Equal("#eu-representative", Html.Page(_site, "web/").GetElementById("contact")!.QuerySelector("p a")!.GetAttribute("href"));
    }

    [Fact]
    public void Template_false_keeps_liquid_braces_as_text()
    {
        _site.Write("content/contact.md", "---\nid: contact\ntitle: Contact\ntemplate: false\n---\nWrite to {{ site.data.variables.contact.contact_privacy }} or {% include contact.html %}.\n");
        TestSupport.Cli.Build(_site);
        Assert.Equal("Write to {{ site.data.variables.contact.contact_privacy }} or {% include contact.html %}.",
            Html.Page(_site, "web/").GetElementById("contact")!.QuerySelector("p")!.TextContent);
    }
}
