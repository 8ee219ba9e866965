using NoticeGen.Compose;

namespace NoticeGen.Render;

/// <summary>A heading inside a section: its level (3-6), its anchor on the page and its text, for the table of contents.</summary>
public sealed record SubHeading(int Level, string Id, string Text);

/// <summary>A section rendered for one page: its anchor id, number there, title, body HTML, and the headings inside it.</summary>
public sealed record RenderedSection(string Id, int? Number, string Title, string Html)
{
    public IReadOnlyList<SubHeading> Headings { get; init; } = [];

    /// <summary>The heading as readers see it, e.g. "16. Contacting Kaltura about this Privacy Notice".</summary>
    public string Heading => Number is { } n ? $"{n}. {Title}" : Title;
}

/// <summary>The text of one notice x audience page, ready for a template (and for stamps and redlines).</summary>
public sealed record RenderedPage(PagePlan Plan, string IntroHtml, IReadOnlyList<RenderedSection> Sections);

/// <summary>One fragment's Markdown rendered for a page: its HTML, the headings in it, and how many footnotes it numbered.</summary>
public sealed record RenderedMarkdown(string Html, IReadOnlyList<SubHeading> Headings, int Footnotes);
