using AngleSharp.Html.Parser;
using CsCheck;
using NoticeGen.Check;
using NoticeGen.Compose;
using NoticeGen.Load;
using NoticeGen.Render;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Hostile;

/// <summary>
/// Whatever text reaches the parsers and the renderer, they either succeed or stop with <see cref="UserErrorException"/>
/// whose every finding names the file, a line that exists (from 1 to the text's line count + 1) and a column from 1:
/// never another exception, which would reach the user as a stack trace. Rendered pages never hold live script.
/// </summary>
public sealed class ParserPropertyTests
{
    private const int Iterations = 300;
    private const string FragmentFile = "content/covers.md";

    private static readonly IReadOnlySet<string> Jurisdictions = new HashSet<string> { "eu", "california" };
    private static readonly string MiniSite = File.ReadAllText(Repo.Fixture("mini/site.yml")).ReplaceLineEndings("\n");
    private static readonly string MiniCovers = File.ReadAllText(Repo.Fixture("mini/content/covers.md")).ReplaceLineEndings("\n");
    private static readonly string MiniCcpa = File.ReadAllText(Repo.Fixture("mini/content/ccpa.md")).ReplaceLineEndings("\n");

    [Fact]
    public void Generated_fragments_parse_or_fail_located()
    {
        HostileGenerators.Fragment.Sample(text => ParsesOrFailsLocated(text, FragmentFile, () => FragmentParser.Parse(text, FragmentFile, Jurisdictions)),
            iter: Iterations);
    }

    [Fact]
    public void Edited_fragments_parse_or_fail_located()
    {
        Gen.OneOf(HostileGenerators.Edited(MiniCovers), HostileGenerators.Edited(MiniCcpa)).Sample(
            text => ParsesOrFailsLocated(text, FragmentFile, () => FragmentParser.Parse(text, FragmentFile, Jurisdictions)), iter: Iterations);
    }

    [Fact]
    public void Generated_and_edited_site_yml_loads_or_fails_located()
    {
        Gen.OneOf(HostileGenerators.Edited(MiniSite), HostileGenerators.FrontMatter).Sample(
            text => ParsesOrFailsLocated(text, SiteLoader.FileName, () => SiteLoader.Load(text)), iter: Iterations);
    }

    [Fact]
    public void Generated_markdown_renders_or_fails_located_and_never_with_live_script()
    {
        var site = SiteLoader.Load(MiniSite);
        var others = new[] { "ccpa", "contact", "gdpr", "home", "web-intro" }
            .Select(id => FragmentParser.Parse(File.ReadAllText(Repo.Fixture($"mini/content/{id}.md")).ReplaceLineEndings("\n"), $"content/{id}.md", Jurisdictions))
            .ToList();
        var parser = new HtmlParser();
        HostileGenerators.Body.Sample(body =>
        {
            var text = "---\nid: covers\ntitle: Covers\nparams:\n  hours: 9 to 5\n---\n" + body + "\n";
            var lines = text.Split('\n').Length;
            var diagnostics = new DiagnosticSink();
            try
            {
                var content = new ContentSet(site, [FragmentParser.Parse(text, FragmentFile, Jurisdictions), .. others]);
                var plan = SitePlanner.Plan(content, diagnostics);
                var renderer = new PageRenderer(plan, new TemplateContextPool(ScribanLimits.Fragments));
                foreach (var (notice, audience) in new[] { ("web", Audience.EveryoneId), ("web", "california"), ("app", "california") })
                {
                    var page = renderer.Render(plan.Find(notice, audience)!, diagnostics);
                    foreach (var section in page.Sections)
                    {
                        AssertNoLiveScript(parser, section.Html);
                    }
                }
            }
            catch (UserErrorException ex)
            {
                AssertLocated(ex.Diagnostics, lines);
            }

            AssertLocated(diagnostics.Items.Where(d => d.Where.File == FragmentFile).ToList(), lines);
        }, iter: Iterations);
    }

    private static void ParsesOrFailsLocated(string text, string file, Action parse)
    {
        try
        {
            parse();
        }
        catch (UserErrorException ex)
        {
            Assert.All(ex.Diagnostics, d => Assert.Equal(file, d.Where.File));
            AssertLocated(ex.Diagnostics, text.Split('\n').Length);
        }
    }

    private static void AssertLocated(IReadOnlyList<Diagnostic> diagnostics, int lines)
    {
        foreach (var d in diagnostics)
        {
            Assert.False(string.IsNullOrEmpty(d.Where.File), $"no file: {d}");
            Assert.True(d.Where.Line >= 1 && d.Where.Line <= lines + 1, $"line {d.Where.Line} of {lines}: {d}");
            Assert.True(d.Where.Column >= 1, $"column {d.Where.Column}: {d}");
            Assert.DoesNotContain('\n', d.ToString());
        }
    }

    private static void AssertNoLiveScript(HtmlParser parser, string html)
    {
        var document = parser.ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, iframe, object, embed"));
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName} {attribute.Name}> in {html}");
                Assert.False(attribute.Name is "href" or "src" && NoticeGen.Check.Output.UnsafeUrlCheck.IsUnsafe(attribute.Value), $"{attribute.Name}=\"{attribute.Value}\" in {html}");
            }
        }
    }
}
