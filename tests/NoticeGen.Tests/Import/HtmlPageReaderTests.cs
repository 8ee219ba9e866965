using NoticeGen.Import;

namespace NoticeGen.Tests.Import;

public sealed class HtmlPageReaderTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html><head><title>Privacy Policy | Acme</title><base href="https://acme.example/legal/"></head>
        <body>
        <nav><a href="/">Home</a></nav>
        <main>
          <header><h1>Privacy Policy</h1><p>Last updated: May 4, 2025</p></header>
          <p>Read this <em>carefully</em>.</p>
          <section id="usage">
            <h2>1. Usage information <a class="anchor" href="#usage">¶</a></h2>
            <p>We log <strong>how</strong> you use the app. See <a href="#opt-out">how to opt out</a> and <a href="#contact">section 2</a>.</p>
            <h3 id="opt-out">Opting out</h3>
            <p>Switch it off in <a href="settings.html">the settings</a>.</p>
            <h4><a name="old-browsers"></a>Older browsers</h4>
            <ul><li>Firefox<ul><li>before 60</li></ul></li><li>Safari</li></ul>
            <iframe src="https://video.example/embed"></iframe>
          </section>
          <h2 id="contact">2. Contact</h2>
          <p>Acme Inc.<br>1 Main St<br>Springfield</p>
          <table><tr><th>Day</th><th>Hours</th></tr><tr><td>Mon | Tue</td><td>9&ndash;5</td></tr></table>
          <p>Use &lt;angle&gt; brackets, *stars* and 1. numbers as text; mail <a href="mailto:dpo@acme.example">dpo@acme.example</a>.</p>
        </main>
        <footer>Copyright Acme</footer>
        </body></html>
        """;

    private static (SourcePage Page, VersionPlan Plan) Read(string html = Page)
    {
        var page = HtmlPageReader.Read("policy.html", html);
        return (page, ImportPlanner.Plan([page], new ImportOptions(), ImportState.Empty, "policy.html"));
    }

    private static string Body(VersionPlan plan, string id) => plan.Site.Fragments.Single(f => f.Id == id).Body;

    [Fact]
    public void The_main_content_is_split_at_the_level_below_the_title_with_numbers_taken_off()
    {
        var (page, plan) = Read();

        var notice = Assert.Single(page.Notices);
        Assert.Equal("Privacy Policy", notice.Title);
        Assert.True(notice.Numbered);
        Assert.Equal(["Usage information", "Contact"], notice.Sections.Select(s => s.Title));
        Assert.Equal("Acme", page.SiteTitle);
        Assert.Equal(["usage", "contact"], Assert.Single(plan.Site.Notices).Sections);
        Assert.Equal("Read this *carefully*.", Body(plan, Assert.Single(plan.Site.Notices).Intro!));
    }

    [Fact]
    public void Sub_headings_stay_in_their_section_with_their_anchors_and_links_to_them_keep_working()
    {
        var (_, plan) = Read();

        var usage = Body(plan, "usage");
        Assert.Contains("### Opting out {#opt-out}", usage, StringComparison.Ordinal);
        Assert.Contains("#### Older browsers {#old-browsers}", usage, StringComparison.Ordinal);
        Assert.Contains("We log **how** you use the app. See [how to opt out](#opt-out) and [](#contact).", usage, StringComparison.Ordinal);
        Assert.DoesNotContain("¶", usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_line_breaks_tables_and_escapes_read_back_as_the_same_text()
    {
        var (_, plan) = Read();

        Assert.Contains("- Firefox\n  - before 60\n- Safari", Body(plan, "usage"), StringComparison.Ordinal);
        var contact = Body(plan, "contact");
        Assert.Contains("Acme Inc.\\\n1 Main St\\\nSpringfield", contact, StringComparison.Ordinal);
        Assert.Contains("| Day | Hours |\n| --- | --- |\n| Mon \\| Tue | 9–5 |", contact, StringComparison.Ordinal);
        Assert.Contains("Use \\<angle> brackets, \\*stars\\* and 1. numbers as text; mail <dpo@acme.example>.", contact, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_links_resolve_against_the_pages_base_address()
    {
        var (_, plan) = Read();

        Assert.Contains("[the settings](https://acme.example/legal/settings.html)", Body(plan, "usage"), StringComparison.Ordinal);
    }

    [Fact]
    public void Chrome_and_embedded_content_are_left_out_and_reported()
    {
        var (page, plan) = Read();

        Assert.Contains(page.Notes, n => n.Kind == NoteKind.LeftOut && n.Text.StartsWith("“Last updated: May 4, 2025”: the page's header", StringComparison.Ordinal));
        Assert.Contains(page.Notes, n => n.Kind == NoteKind.LeftOut && n.Text.StartsWith("A <iframe> element", StringComparison.Ordinal));
        Assert.DoesNotContain(page.Notes, n => n.Text.Contains("Home", StringComparison.Ordinal) || n.Text.Contains("Copyright", StringComparison.Ordinal));
        Assert.DoesNotContain("Last updated", string.Concat(plan.Site.Fragments.Select(f => f.Body)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_of_several_notices_splits_into_notices_then_sections()
    {
        var html = "<body><main><h1>Legal</h1><p>All our notices.</p>"
            + "<h2>Website Privacy Notice</h2><h3>Data</h3><p>a</p><h3>Cookies</h3><p>b</p><h3>Contact</h3><p>c</p>"
            + "<h2>App Privacy Notice</h2><h3>Data</h3><p>d</p><h3>Sharing</h3><p>e</p><h3>Contact</h3><p>c</p></main></body>";

        var (page, plan) = Read(html);

        Assert.Equal("Legal", page.SiteTitle);
        Assert.Equal(["Website Privacy Notice", "App Privacy Notice"], page.Notices.Select(n => n.Title));
        Assert.Equal(["website", "app"], plan.Site.Notices.Select(n => n.Id));
        Assert.Equal(["website-data", "cookies", "contact"], plan.Site.Notices[0].Sections);
        Assert.Equal(["app-data", "sharing", "contact"], plan.Site.Notices[1].Sections);
        Assert.Equal(ImportPlanner.SiteIntroId, plan.Site.Intro);
    }

    [Fact]
    public void A_link_to_an_anchor_that_is_nowhere_on_the_page_becomes_text_and_is_reported()
    {
        var (_, plan) = Read("<body><h1>P</h1><h2>A</h2><p>See <a href=\"#gone\">the old part</a>.</p><h2>B</h2><p>x</p></body>");

        Assert.Equal("See the old part.", plan.Site.Fragments.Single(f => f.Title == "A").Body);
        Assert.Contains(plan.Notes, n => n.Text.Contains("'#gone', which is nowhere on the page", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrappers_id_names_the_section_it_opens_but_not_the_notice()
    {
        var (_, plan) = Read("<html><head><title>Acme</title></head><body><div id=\"content\"><h1>Acme Privacy Policy</h1>"
            + "<section id=\"cookies\"><h2>Cookies</h2><p>We use cookies.</p></section>"
            + "<section id=\"rights\"><h2>Your rights</h2><p>See <a href=\"#cookies\">cookies</a> and <a href=\"#content\">the top</a>.</p></section></div></body></html>");

        var notice = Assert.Single(plan.Site.Notices);
        Assert.Equal("privacy-policy", notice.Id);
        Assert.Equal(["cookies", "rights"], notice.Sections);
        Assert.Equal("See [cookies](#cookies) and the top.", plan.Site.Fragments.Single(f => f.Id == "rights").Body);
    }

    [Fact]
    public void An_image_the_site_cannot_load_becomes_its_alt_text_and_is_listed_and_the_import_succeeds()
    {
        // A relative image was written as ![Acme](logo.png), a missing file in the built site: the import failed.
        using var target = new ImportTarget();
        using var page = new TempFile("i.html",
            "<h1>Privacy</h1><h2>About</h2><p>We are <img src=\"logo.png\" alt=\"Acme\"> Acme.</p>\n<p>Our <img src=\"/img/seal.png\"> seal and <img src=\"https://cdn.example/a.png\" alt=\"badge\">.<a href=\"https://acme.example/\"><img src=\"home.png\"></a></p>");

        var result = target.Import(page.Path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("We are Acme Acme.\n\nOur seal and ![badge](https://cdn.example/a.png).", target.Read("content/fragments/privacy/about.md").Split("---\n")[2].Trim());
        Assert.Contains($"{page.Path}:1:41: The image “Acme” ('logo.png') has no address the imported site can load (the import does not copy image files), so its alt text was kept in its place. Put the image under content/assets/",
            result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{page.Path}:2:8: The image '/img/seal.png' has no address the imported site can load (the import does not copy image files) and no alt text, so it was left out.",
            result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("Every page NoticeGen composes says what its source says, word for word.\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_image_on_a_page_with_a_base_address_is_made_absolute()
    {
        var (_, plan) = Read("<html><head><base href=\"https://acme.example/legal/\"></head><body><h1>Privacy</h1><h2>About</h2><p>We are <img src=\"logo.png\" alt=\"Acme\"> Acme.</p></body></html>");

        Assert.Equal("We are ![Acme](https://acme.example/legal/logo.png) Acme.", Body(plan, "about"));
    }

    [Fact]
    public void A_page_whose_headings_are_bold_lines_is_split_at_them()
    {
        // A CMS page with only its title as a heading and "<p><strong>1. ...</strong></p>" for each section was refused.
        var (page, plan) = Read("""
            <h1>PRIVACY POLICY</h1>
            <p>Tandem Fitness respects your privacy.</p>
            <p><strong>1. Information We Collect</strong></p>
            <p>Your name and <strong>weight</strong>.</p>
            <p><b>2. <em>Health</em> Data</b></p>
            <p>Only with your consent.</p>
            """);

        var notice = Assert.Single(page.Notices);
        Assert.True(notice.Numbered);
        Assert.Equal(["Information We Collect", "Health Data"], notice.Sections.Select(s => s.Title));
        Assert.Equal("Tandem Fitness respects your privacy.", Body(plan, "privacy-policy-intro"));
        Assert.Equal("Your name and **weight**.", Body(plan, "information-collect"));
        Assert.Equal("Only with your consent.", Body(plan, "health-data"));
    }

    [Fact]
    public void Bold_lines_on_a_page_with_section_headings_stay_bold_paragraphs()
    {
        var (page, plan) = Read("<h1>Privacy</h1><h2>About</h2><p><strong>Who we are</strong></p><p>Acme.</p><h2>Contact</h2><p><strong>Write to us</strong></p>");

        Assert.Equal(["About", "Contact"], Assert.Single(page.Notices).Sections.Select(s => s.Title));
        Assert.Equal("**Who we are**\n\nAcme.", Body(plan, "about"));
    }

    [Fact]
    public void Cells_spanning_rows_or_columns_leave_the_other_cells_in_their_own_columns()
    {
        // A CCPA table's rowspan shifted the next row's cells one column left: "Bank account number" stood under "Category".
        var (_, plan) = Read("""
            <h1>Privacy</h1><h2>Categories</h2>
            <table>
            <tr><th rowspan="2">Category</th><th colspan="2">Disclosed to</th></tr>
            <tr><th>Service providers</th><th>Third parties</th></tr>
            <tr><td rowspan="2">B. Customer records</td><td>Yes</td><td>No</td></tr>
            <tr><td colspan="2">Bank account number</td></tr>
            <tr><td>C. Commercial</td><td rowspan="9999">Yes</td></tr>
            <tr><td>D. Sensitive</td></tr>
            </table>
            <h2>Contact</h2><p>Write to us.</p>
            """);

        Assert.Equal("""
            | Category | Disclosed to |  |
            | --- | --- | --- |
            |  | Service providers | Third parties |
            | B. Customer records | Yes | No |
            |  | Bank account number |  |
            | C. Commercial | Yes |  |
            | D. Sensitive |  |  |
            """, Body(plan, "categories"));
    }

    [Fact]
    public void A_footnote_mark_stays_raised_and_its_links_both_ways_keep_their_targets()
    {
        // "<sup>1</sup>" read as "opted in1"; the ids of links (<a id="fn1" href="#ref1">) were not targets, so both links became text.
        using var target = new ImportTarget();
        using var page = new TempFile("f.html", """
            <h1>Privacy</h1>
            <h2>Use</h2><p>We email you if you opted in<sup><a href="#fn1" id="ref1">1</a></sup>. CO<sub>2</sub> is a gas.</p>
            <h2>Notes</h2><p><a id="fn1" href="#ref1">1</a> You can unsubscribe at any time.</p>
            """);

        var result = target.Import(page.Path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("We email you if you opted in[¹](#notes). CO₂ is a gas.", target.Read("content/fragments/privacy/use.md").Split("---\n")[2].Trim());
        Assert.Equal("[1](#use) You can unsubscribe at any time.", target.Read("content/fragments/privacy/notes.md").Split("---\n")[2].Trim());
        Assert.DoesNotContain("nowhere on the page", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("Every page NoticeGen composes says what its source says, word for word.\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pages_own_table_of_contents_is_left_out_and_listed()
    {
        // It became a section "Table of Contents" of links, and, having no number, made the notice unnumbered.
        var (page, plan) = Read("""
            <h1>Privacy Policy</h1>
            <p>We respect your privacy.</p>
            <h2>Table of Contents</h2>
            <ol><li><a href="#collect">Information We Collect</a></li><li><a href="#use">How We Use It</a>
              <ul><li><a href="#ads">Advertising</a></li></ul></li><li><a href="#contact">Contact</a></li></ol>
            <h2 id="collect">1. Information We Collect</h2><p>Your name.</p>
            <h2 id="use">2. How We Use It</h2><p>To serve you.</p><h3 id="ads">Advertising</h3><p>None.</p>
            <h2 id="contact">3. Contact</h2><p>See <a href="#collect">above</a>:</p>
            <ul><li><a href="#collect">Information</a></li><li><a href="#use">Use</a></li></ul>
            """);

        var notice = Assert.Single(page.Notices);
        Assert.True(notice.Numbered);
        Assert.Equal(["collect", "use", "contact"], Assert.Single(plan.Site.Notices).Sections);
        Assert.Equal("We respect your privacy.", Body(plan, "privacy-policy-intro"));
        Assert.Contains(page.Notes, n => n.Kind == NoteKind.LeftOut && n.Where.ToString() == "policy.html:3:1"
            && n.Text.StartsWith("“Table of Contents”: the page's table of contents", StringComparison.Ordinal));
        Assert.Equal("See [above](#collect):\n\n- [Information](#collect)\n- [Use](#use)", Body(plan, "contact"));
    }

    [Fact]
    public void A_site_name_heading_above_the_title_names_the_site_instead_of_becoming_a_section()
    {
        // "<h1>Orbit Labs</h1><h1>Privacy Statement</h1>" made two sections, the second holding every other heading.
        var (page, plan) = Read("""
            <html><head><title>Privacy Statement</title></head><body>
            <h1>Orbit Labs</h1>
            <h1>Privacy Statement</h1><p>Hello.</p>
            <h2>Definitions</h2><p>Words.</p>
            <h2>Contact</h2><p>Write.</p>
            </body></html>
            """);

        Assert.Equal("Orbit Labs", page.SiteTitle);
        var notice = Assert.Single(page.Notices);
        Assert.Equal("Privacy Statement", notice.Title);
        Assert.Equal(["Definitions", "Contact"], notice.Sections.Select(s => s.Title));
        Assert.Contains(page.Notes, n => n.Kind == NoteKind.LeftOut && n.Where.ToString() == "policy.html:2:1");
        Assert.Equal("Hello.", Body(plan, "privacy-statement-intro"));
    }

    [Fact]
    public void A_bold_line_that_opens_a_page_without_headings_is_its_title()
    {
        // A Squarespace page's "PRIVACY POLICY" line became a first section holding the intro.
        var (page, plan) = Read("""
            <title>Privacy Policy | Willow &amp; Pine</title>
            <main><p><strong>PRIVACY POLICY</strong></p><p>&nbsp;</p><p>We run this site.</p>
            <p><strong>INFORMATION WE COLLECT</strong></p><p>Your name.</p>
            <p><strong>CONTACT</strong></p><p>hello@example.com</p></main>
            """);

        var notice = Assert.Single(page.Notices);
        Assert.Equal("PRIVACY POLICY", notice.Title);
        Assert.Equal(["INFORMATION WE COLLECT", "CONTACT"], notice.Sections.Select(s => s.Title));
        Assert.Equal("Willow & Pine", page.SiteTitle);
        Assert.Equal("We run this site.", Body(plan, "privacy-policy-intro"));
    }

    [Fact]
    public void A_table_in_a_list_item_stays_a_table_under_the_items_text()
    {
        // Its cells ran together as one line of words: "Field Source VIN You".
        var (_, plan) = Read("""
            <h1>Privacy</h1><h2>Vehicles</h2>
            <ol><li><p><strong>Vehicle data</strong>:</p>
            <table><tr><th>Field</th><th>Source</th></tr><tr><td>VIN</td><td>You</td></tr></table></li>
            <li>Health data.</li></ol>
            <h2>Contact</h2><p>Write.</p>
            """);

        Assert.Equal("1. **Vehicle data**:\n\n   | Field | Source |\n   | --- | --- |\n   | VIN | You |\n2. Health data.", Body(plan, "vehicles"));
    }

    [Fact]
    public void Two_line_breaks_in_a_row_are_a_paragraph_break()
    {
        var (_, plan) = Read("<h1>Privacy</h1><h2>Retention</h2><p>We keep records for 7 years.<br><br>Quotes go after 12 months.<br>Or sooner.<br><br><br></p><h2>Contact</h2><p>Write.</p>");

        Assert.Equal("We keep records for 7 years.\n\nQuotes go after 12 months.\\\nOr sooner.", Body(plan, "retention"));
    }

    [Fact]
    public void Items_in_a_wrapper_a_list_written_straight_in_a_list_and_stray_text_in_a_list_keep_their_words()
    {
        // Only a list's own <li> children were read: the items in <div class="row"> were dropped without a word in the report.
        var (_, plan) = Read("""
            <h1>Privacy</h1><h2>Data</h2>
            <ul><div class="row"><li>Payment history</li><li>Credit history</li></div>
            <li>Transactions</li><ul><li>card payments</li></ul>
            <p>and anything else you tell us</p></ul>
            <h2>Contact</h2><p>Write.</p>
            """);

        Assert.Equal("- Payment history\n- Credit history\n- Transactions\n  - card payments\n- and anything else you tell us", Body(plan, "data"));
    }

    [Fact]
    public void An_accordions_heading_button_is_the_headings_text_and_not_reported_as_left_out()
    {
        var (page, _) = Read("""
            <h1>Privacy</h1>
            <h2 class="accordion-header"><button class="accordion-button">What do we collect?</button></h2><p>Names.</p>
            <h2 class="accordion-header"><button class="accordion-button">Questions?</button></h2><p>Call us.</p>
            """);

        Assert.Equal(["What do we collect?", "Questions?"], Assert.Single(page.Notices).Sections.Select(s => s.Title));
        Assert.DoesNotContain(page.Notes, n => n.Text.Contains("button", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tables_caption_stays_as_a_paragraph_above_it()
    {
        // Only the rows were read: the caption's words were dropped without a mention.
        var (_, plan) = Read("<h1>Privacy</h1><h2>Cookies</h2><table><caption>Cookies we <em>set</em></caption><tr><th>Name</th></tr><tr><td>_ga</td></tr></table><h2>Contact</h2><p>Write.</p>");

        Assert.Equal("Cookies we *set*\n\n| Name |\n| --- |\n| \\_ga |", Body(plan, "cookies"));
    }

    [Fact]
    public void An_inline_quotation_keeps_its_quotation_marks_and_a_left_out_svg_is_located_at_its_paragraph()
    {
        var (page, plan) = Read("<h1>Privacy</h1>\n<h2>Terms</h2>\n<p>We call it <q>the Service</q>.</p>\n<p>Icon: <svg><title>icon</title></svg></p>\n<h2>Contact</h2><p>Write.</p>");

        Assert.StartsWith("We call it “the Service”.", Body(plan, "terms"), StringComparison.Ordinal);
        Assert.Equal("policy.html:4:1", Assert.Single(page.Notes, n => n.Text.Contains("<svg>", StringComparison.Ordinal)).Where.ToString());
    }

    [Fact]
    public void Bold_and_italics_set_with_css_as_google_docs_exports_them_are_kept_and_bold_lines_are_headings()
    {
        // Google Docs' "Download as web page": no <strong> or <h2>, only spans whose classes the <style> makes bold.
        const string docs = """
            <html><head><style type="text/css">.c1{font-weight:400}.c3{font-weight:700;color:#000000}.c5,.c6{font-style:italic}</style></head>
            <body class="c4">
            <p class="c2"><span class="c3">Privacy Policy</span></p>
            <p class="c2"><span class="c3">1. Information We Collect</span></p>
            <p class="c2"><span class="c1">We collect your </span><span class="c3">Account Data</span><span class="c1"> and </span><span style="font-weight: bold">Usage Data</span><span class="c1">, as </span><span class="c6">defined</span><span class="c1"> below.</span></p>
            <p class="c2"><span class="c3">2. Contact</span></p>
            <p class="c2"><span class="c1">Write to us. </span><span class="c3" style="font-weight:400">Not bold.</span></p>
            </body></html>
            """;

        var (page, plan) = Read(docs);

        var notice = Assert.Single(page.Notices);
        Assert.Equal("Privacy Policy", notice.Title);
        Assert.Equal(["Information We Collect", "Contact"], notice.Sections.Select(s => s.Title));
        var sections = Assert.Single(plan.Site.Notices).Sections;
        Assert.Equal("We collect your **Account Data** and **Usage Data**, as *defined* below.", Body(plan, sections[0]));
        Assert.Equal("Write to us. Not bold.", Body(plan, sections[1]));
    }
}
