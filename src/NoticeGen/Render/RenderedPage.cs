using NoticeGen.Compose;

namespace NoticeGen.Render;

/// <summary>A section rendered for one page: its anchor id, number there, title and body HTML.</summary>
public sealed record RenderedSection(string Id, int? Number, string Title, string Html)
{
    /// <summary>The heading as readers see it, e.g. "16. Contacting Kaltura about this Privacy Notice".</summary>
    public string Heading => Number is { } n ? $"{n}. {Title}" : Title;
}

/// <summary>The text of one notice x audience page, ready for a template (and for stamps and redlines).</summary>
public sealed record RenderedPage(PagePlan Plan, string IntroHtml, IReadOnlyList<RenderedSection> Sections);
