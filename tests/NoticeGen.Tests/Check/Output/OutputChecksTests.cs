using System.Text;
using NoticeGen.Check;
using NoticeGen.Check.Output;

namespace NoticeGen.Tests.Check.Output;

/// <summary>Each output check fires on a crafted page, locates the element in the built file, and passes a sound page.</summary>
public sealed class OutputChecksTests
{
    private const string Sound = """
        <!DOCTYPE html><html lang="en"><head><title>T</title>
        <meta name="noticegen:status" content="current"><meta name="dcterms.modified" content="2026-01-01">
        <link rel="stylesheet" href="../assets/style.css"></head>
        <body><main><h1>Notice</h1><p>Last updated: <time datetime="2026-01-01">January 1, 2026</time></p>
        <section id="contact"><h2>1. Contact</h2><h3 id="usage">Usage</h3><p><a href="#contact">x</a> <a href="../other/#intro">y</a>
        <img src="../assets/logo.png" alt="Logo"> <a href="https://example.com/terms">terms</a></p></section></main></body></html>
        """;

    private const string Other = """<!DOCTYPE html><html lang="en"><head><title>O</title></head><body><main><h1 id="intro">Other</h1></main></body></html>""";

    [Fact]
    public void A_sound_site_passes_every_check_and_its_external_links_are_listed()
    {
        var (findings, links) = Inspect(("notice/index.html", Sound), ("other/index.html", Other), ("assets/style.css", "x"), ("assets/logo.png", "png"));
        Assert.Empty(findings);
        var link = Assert.Single(links.ExternalLinks);
        Assert.Equal("https://example.com/terms", link.Url);
        Assert.Equal(["notice/index.html"], link.Pages);
    }

    [Fact]
    public void Broken_links_missing_anchors_and_missing_images_are_found_where_they_stand()
    {
        var (findings, _) = Inspect(("notice/index.html", Sound.Replace("#contact\"", "#contcat\"", StringComparison.Ordinal)), ("assets/style.css", "x"));
        Assert.Equal(
        [
            ("NG4001", "_site/notice/index.html:5:70", "#contcat"),
            ("NG4001", "_site/notice/index.html:5:95", "../other/#intro"),
            ("NG4002", "_site/notice/index.html:6:1", "../assets/logo.png"),
        ], findings.Select(f => (f.Code.Code, f.Where.ToString(), Quoted(f.Message))));
    }

    [Fact]
    public void Links_that_climb_out_of_the_site_are_broken()
    {
        var (findings, _) = Inspect(("index.html", Other.Replace("<h1 id=\"intro\">Other</h1>", "<h1>O</h1><a href=\"../../etc/passwd\">x</a>", StringComparison.Ordinal)));
        Assert.Contains("a place outside the site", Assert.Single(findings).Message);
    }

    [Fact]
    public void Duplicate_ids_are_found()
    {
        var (findings, _) = Inspect(("other/index.html", Other.Replace("</main>", "<p id=\"intro\">again</p></main>", StringComparison.Ordinal)));
        Assert.Equal([Codes.DuplicateHtmlId], findings.Select(f => f.Code));
    }

    [Theory]
    [InlineData("<h1>Other</h1><h1>Again</h1>", "has 2 h1 headings")]
    [InlineData("<h2>Other</h2>", "has 0 h1 headings")]
    [InlineData("<h1>Other</h1><h2>Part</h2><h4>Skipped a level</h4>", "is h4 right after an h2")]
    public void Heading_order_problems_are_found(string headings, string problem)
    {
        var (findings, _) = Inspect(("other/index.html", Other.Replace("<h1 id=\"intro\">Other</h1>", headings, StringComparison.Ordinal)));
        Assert.Contains(findings, f => f.Code == Codes.HeadingOrder && f.Message.Contains(problem, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<title>O</title>", "<title></title>", "has no title")]
    [InlineData("<html lang=\"en\">", "<html>", "does not say its language")]
    [InlineData("<main>", "<div>", "has no main landmark")]
    public void Pages_without_title_language_or_main_landmark_are_found(string from, string to, string problem)
    {
        var (findings, _) = Inspect(("other/index.html", Other.Replace(from, to, StringComparison.Ordinal).Replace("</main>", to == "<div>" ? "</div>" : "</main>", StringComparison.Ordinal)));
        Assert.Contains(findings, f => f.Code == Codes.PageMetadata && f.Message.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void A_published_notice_page_must_show_its_stamp()
    {
        var (findings, _) = Inspect(("notice/index.html", Sound.Replace("<time datetime=\"2026-01-01\">January 1, 2026</time>", "soon", StringComparison.Ordinal)),
            ("other/index.html", Other), ("assets/style.css", "x"), ("assets/logo.png", "png"));
        Assert.Contains("does not show its last-updated date", Assert.Single(findings).Message);
    }

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">x</a>")]
    [InlineData("<a href=\"java&#x09;script:alert(1)\">x</a>")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">x</a>")]
    [InlineData("<a href=\" \u0001javascript:alert(1)\">x</a>")]
    [InlineData("<a href=\"vbscript:msgbox(1)\">x</a>")]
    [InlineData("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=\"\">")]
    [InlineData("<form action=\"javascript:alert(1)\"></form>")]
    [InlineData("<p onclick=\"alert(1)\">x</p>")]
    public void Unsafe_urls_and_event_handlers_are_found_however_written(string element)
    {
        var (findings, _) = Inspect(("other/index.html", Other.Replace("</main>", element + "</main>", StringComparison.Ordinal)));
        Assert.Contains(findings, f => f.Code == Codes.UnsafeUrl);
    }

    [Fact]
    public void Markup_inside_scripts_styles_and_comments_is_text_not_elements_as_a_browser_reads_it()
    {
        var hidden = "<script>if (a < b) { document.write('<h1 id=\"intro\">x</h1><a href=\"javascript:x\">'); }</script>"
            + "<style>h2 { content: '<h4>'; }</style><!-- <h4 id=\"intro\"> <a href=\"missing.html\"> -->"
            + "<textarea><h5>draft</h5></textarea>";
        var (findings, _) = Inspect(("other/index.html", Other.Replace("</main>", hidden + "</main>", StringComparison.Ordinal)));
        Assert.Empty(findings);
    }

    [Fact]
    public void Headings_are_named_by_their_text_and_attributes_by_their_decoded_value()
    {
        var (findings, _) = Inspect(("other/index.html", Other.Replace("</main>", "<h3>Data &amp; <em>more</em></h3><a href=\"#intro\" id=\"a\" id=\"intro\">x</a></main>", StringComparison.Ordinal)));
        var finding = Assert.Single(findings);
        Assert.Equal("_site/other/index.html:1:98", finding.Where.ToString());
        Assert.Contains("The heading 'Data & more' on other/index.html is h3 right after an h1.", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<svg><style><a href=\"javascript:alert(1)\">x</a></style></svg>")]
    [InlineData("<svg><![CDATA[><a title=\"]]></svg><a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<svg><title><a href=\"javascript:alert(1)\">x</a></title></svg>")]
    [InlineData("<math><style><a href=\"javascript:alert(1)\">x</a></style></math>")]
    public void Unsafe_urls_inside_svg_and_mathml_are_found_as_a_browser_builds_them(string element)
    {
        var (findings, _) = Inspect(("other/index.html", Other.Replace("</main>", element + "</main>", StringComparison.Ordinal)));
        Assert.Contains(findings, f => f.Code == Codes.UnsafeUrl);
    }

    [Fact]
    public void A_template_s_content_is_not_part_of_the_page_and_svg_titles_are_not_its_title()
    {
        var page = Other.Replace("<title>O</title>", string.Empty, StringComparison.Ordinal)
            .Replace("<body>", "<body><svg><title>Icon</title></svg><title>Late but real</title>", StringComparison.Ordinal)
            .Replace("</main>", "<template><p id=\"intro\">copy</p><a href=\"#nowhere\">x</a></template></main>", StringComparison.Ordinal);
        var (findings, _) = Inspect(("other/index.html", page));
        Assert.Empty(findings);
    }

    [Fact]
    public void A_self_closed_main_still_holds_the_stamp_and_image_tags_are_images()
    {
        var page = Sound.Replace("<main>", "<main/>", StringComparison.Ordinal)
            .Replace("<img src=\"../assets/logo.png\"", "<image src=\"../assets/missing.png\"", StringComparison.Ordinal);
        var (findings, _) = Inspect(("notice/index.html", page), ("other/index.html", Other), ("assets/style.css", "x"));
        var finding = Assert.Single(findings);
        Assert.Equal(Codes.MissingImage, finding.Code);
    }

    [Fact]
    public void A_heading_ends_at_the_next_heading_or_any_heading_end_tag()
    {
        var (findings, _) = Inspect(("other/index.html", Other.Replace("</main>", "<h3>Skipped<h5>Deeper</h3>not a heading<h2>Back</h2></main>", StringComparison.Ordinal)));
        Assert.Equal(
            ["The heading 'Skipped' on other/index.html is h3 right after an h1.", "The heading 'Deeper' on other/index.html is h5 right after an h3."],
            findings.Select(f => f.Message));
    }

    private static string Quoted(string message) => message.Split('\'')[1];

    private static (IReadOnlyList<Diagnostic> Findings, LinkCheck Links) Inspect(params (string Path, string Text)[] files)
    {
        var sink = new DiagnosticSink();
        var checks = NoticeGen.Check.Checks.Output();
        var inspector = new OutputInspector(checks, sink, "_site");
        foreach (var (path, text) in files)
        {
            inspector.Written(path, Encoding.UTF8.GetBytes(text));
        }

        inspector.Finish();
        return (sink.Items, checks.OfType<LinkCheck>().Single());
    }
}
