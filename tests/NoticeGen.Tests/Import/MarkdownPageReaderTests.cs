using NoticeGen.Import;

namespace NoticeGen.Tests.Import;

public sealed class MarkdownPageReaderTests
{
    private const string Page = """
        ---
        layout: policy
        title: "Acme Privacy"
        ---
        # Privacy Policy

        <!-- reviewed by legal -->
        Contact {{ site.email }} for questions.

        ## What we collect {#collect}

        We collect your name<br>and email.<sup>1</sup> See [your rights](#your-rights).

        ### Cookies

        {% include cookie-table.html %}

        ## Your rights

        You may <span class="x">object</span> at any time.
        """;

    private static (SourcePage Page, VersionPlan Plan) Read()
    {
        var page = MarkdownPageReader.Read("policy.md", Page);
        return (page, ImportPlanner.Plan([page], new ImportOptions(), ImportState.Empty, "policy.md"));
    }

    [Fact]
    public void Front_matter_is_dropped_and_its_title_names_the_site()
    {
        var (page, plan) = Read();

        Assert.Equal("Acme Privacy", page.SiteTitle);
        Assert.Equal("Privacy Policy", Assert.Single(page.Notices).Title);
        Assert.DoesNotContain(plan.Site.Fragments, f => f.Body.Contains("layout", StringComparison.Ordinal));
        Assert.Equal(5, page.Notices[0].Line);
    }

    [Fact]
    public void Liquid_code_stays_as_text_and_its_fragment_is_marked_template_false()
    {
        var (_, plan) = Read();

        var intro = plan.Site.Fragments.Single(f => f.Title is null);
        Assert.Contains("Contact {{ site.email }} for questions.", intro.Body, StringComparison.Ordinal);
        Assert.True(intro.NoTemplate);
        Assert.StartsWith("---\nid: policy-intro\ntemplate: false", SiteWriter.FragmentText(intro), StringComparison.Ordinal);
        var collect = plan.Site.Fragments.Single(f => f.Id == "collect");
        Assert.True(collect.NoTemplate);
        Assert.False(plan.Site.Fragments.Single(f => f.Title == "Your rights").NoTemplate);
    }

    [Fact]
    public void Html_comments_stay_for_editors_raw_html_stays_as_text_and_is_reported_and_breaks_and_sup_become_markdown()
    {
        var (page, plan) = Read();

        Assert.Contains("<!-- reviewed by legal -->", plan.Site.Fragments.Single(f => f.Title is null).Body, StringComparison.Ordinal);
        Assert.Contains("We collect your name\\\nand email.¹ See [your rights](#your-rights).", plan.Site.Fragments.Single(f => f.Id == "collect").Body, StringComparison.Ordinal);
        Assert.Contains("You may <span class=\"x\">object</span> at any time.", plan.Site.Fragments.Single(f => f.Title == "Your rights").Body, StringComparison.Ordinal);
        // The comment is kept in the fragment but, like the source page, NoticeGen does not show it: nothing to report.
        Assert.Equal(["policy.md:20:9", "policy.md:20:31"],
            page.Notes.Where(n => n.Kind == NoteKind.ShownAsText).Select(n => n.Where.ToString()));
    }

    [Fact]
    public void Headings_keep_their_explicit_ids_and_links_written_for_github_slugs_find_them()
    {
        var (_, plan) = Read();

        Assert.Equal(["collect", "your-rights"], Assert.Single(plan.Site.Notices).Sections);
        Assert.Contains("### Cookies\n", plan.Site.Fragments.Single(f => f.Id == "collect").Body, StringComparison.Ordinal);
        Assert.DoesNotContain("{#", plan.Site.Fragments.Single(f => f.Id == "collect").Body, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_the_site_cannot_load_becomes_its_alt_text_as_written_and_is_listed_and_the_import_succeeds()
    {
        using var target = new ImportTarget();
        using var page = new TempFile("policy.md", "# Privacy\n\n## About\n\nWe are ![Acme *Inc*](logo.png) Acme, ![ok](https://cdn.example/a.png).\n\nSee [![](badge.svg)](https://acme.example)us.\n");

        var result = target.Import(page.Path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        // A link left with no words when its image goes is no link: nothing to click.
        Assert.EndsWith("\nWe are Acme *Inc* Acme, ![ok](https://cdn.example/a.png).\n\nSee us.\n", target.Read("content/fragments/privacy/about.md"), StringComparison.Ordinal);
        Assert.Contains($"{page.Path}:7:6: The image 'badge.svg' has no address the imported site can load (the import does not copy image files) and no alt text, so it was left out.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{page.Path}:5:8: The image “Acme *Inc*” ('logo.png') has no address the imported site can load", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("Every page NoticeGen composes says what its source says, word for word.\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_links_keep_their_targets_in_the_fragments_they_are_split_into()
    {
        // The definitions at the end of the page were dropped, so "[Plausible][p]" showed as bracketed text.
        const string page = """
            # Privacy

            ## Website

            We use [Plausible *Analytics*][p], [the docs][] and [GitHub], and ![a badge][img].

            ## Contact

            Write to us.

            [p]: https://plausible.io/data-policy "Plausible's policy"
            [the docs]: <https://acme.dev/docs (v2)>
            [github]: https://github.com/acme
            [img]: https://acme.dev/badge.png
            """;

        var plan = ImportPlanner.Plan([MarkdownPageReader.Read("policy.md", page)], new ImportOptions(), ImportState.Empty, "policy.md");

        Assert.Equal("We use [Plausible *Analytics*](https://plausible.io/data-policy \"Plausible's policy\"), [the docs](<https://acme.dev/docs (v2)>) and "
            + "[GitHub](https://github.com/acme), and ![a badge](https://acme.dev/badge.png).", plan.Site.Fragments.Single(f => f.Id == "website").Body);
        Assert.Equal("Write to us.", plan.Site.Fragments.Single(f => f.Id == "contact").Body);
    }

    [Fact]
    public void A_footnote_defined_at_the_end_of_the_page_goes_to_the_section_that_refers_to_it()
    {
        // The definition stayed in the last section, where nothing referred to it: the note's words were lost and the mark showed as "[^os]".
        using var target = new ImportTarget();
        using var page = new TempFile("policy.md", """
            # Privacy

            ## Crash reports

            Reports include your OS version[^os].

            ### Paths

            They may hold file paths[^1].

            ## Contact

            Write to us.

            [^1]: Review them before sending.
            [^os]: Not your hostname.
            """);

        var result = target.Import(page.Path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("Reports include your OS version[^os].\n\n### Paths\n\nThey may hold file paths[^1].\n\n[^os]: Not your hostname.\n\n[^1]: Review them before sending.",
            target.Read("content/fragments/privacy/crash-reports.md").Split("---\n")[2].Trim());
        Assert.Equal("Write to us.", target.Read("content/fragments/privacy/contact.md").Split("---\n")[2].Trim());
        Assert.EndsWith("Every page NoticeGen composes says what its source says, word for word.\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_br_at_the_end_of_a_line_is_one_line_break_and_a_table_of_contents_goes_with_its_lead_in()
    {
        // "Norway.<br>" then a new line gave a backslash and a blank line: a paragraph break, with "Norway.\" on the page.
        const string page = """
            Privacy Notice
            ==============

            Table of contents:

            1. [Who we are](#who-we-are)
            2. [What we collect](#what-we-collect)
            3. [Contact](#contact)

            ## Who we are

            We are Fjord Labs AS, Oslo, Norway.<br>
            Org. no. 912 345 678<br>

            ## What we collect

            Names.

            ## Contact

            Write.
            """;

        var source = MarkdownPageReader.Read("policy.md", page);
        var plan = ImportPlanner.Plan([source], new ImportOptions(), ImportState.Empty, "policy.md");

        Assert.Equal("We are Fjord Labs AS, Oslo, Norway.\\\nOrg. no. 912 345 678", plan.Site.Fragments.Single(f => f.Id == "who-we-are").Body);
        Assert.Empty(Assert.Single(source.Notices).Intro);
        Assert.Equal(["policy.md:4:1", "policy.md:6:1"], source.Notes.Where(n => n.Kind == NoteKind.LeftOut).Select(n => n.Where.ToString()));
    }
}
