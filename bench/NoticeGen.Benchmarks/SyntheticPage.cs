using System.Globalization;
using System.Text;
using Markdig;
using NoticeGen.Redline;

namespace NoticeGen.Bench.Benchmarks;

/// <summary>
/// A long notice for the redline benchmarks, drawn from the sample's paragraphs and lists: about 100 KB of section HTML in 20
/// sections, and the same page with 1% of its words changed, as a small revision of a long notice would.
/// </summary>
public static class SyntheticPage
{
    public const int Sections = 20;

    /// <summary>HTML bytes a section reaches before it stops taking blocks: 20 of them make a page of about 100 KB.</summary>
    public const int SectionBytes = 5000;

    public const double ChangedPercent = 1.0;

    public static (PageText Old, PageText New) Pair(Corpus corpus, ulong seed)
    {
        var rng = new Pcg32(seed);
        var pipeline = new MarkdownPipelineBuilder().UseAutoLinks().UsePipeTables().DisableHtml().Build();
        var oldSections = new List<SectionText>(Sections);
        var newSections = new List<SectionText>(Sections);
        for (var i = 1; i <= Sections; i++)
        {
            var markdown = new StringBuilder();
            var html = string.Empty;
            while (Encoding.UTF8.GetByteCount(html) < SectionBytes)
            {
                markdown.Append(rng.Pick(corpus.Blocks)).Append("\n\n");
                html = Markdown.ToHtml(markdown.ToString(), pipeline);
            }

            var id = string.Create(CultureInfo.InvariantCulture, $"section-{i:D2}");
            var heading = string.Create(CultureInfo.InvariantCulture, $"{i}. {rng.Pick(corpus.Titles)}");
            var edited = WordEditor.ChangeWords(markdown.ToString(), ChangedPercent, rng, corpus.Words);
            oldSections.Add(new SectionText(id, heading, html));
            newSections.Add(new SectionText(id, heading, Markdown.ToHtml(edited, pipeline)));
        }

        const string title = "Privacy Notice for the Example Product";
        const string intro = "<p>This notice explains how Example Corp. handles Personal Information.</p>\n";
        return (new PageText(title, intro, oldSections), new PageText(title, intro, newSections));
    }

    public static int HtmlBytes(PageText page) => page.Sections.Sum(s => Encoding.UTF8.GetByteCount(s.Html));
}
