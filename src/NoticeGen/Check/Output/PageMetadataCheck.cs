namespace NoticeGen.Check.Output;

/// <summary>
/// Every page has a title, a language and a main landmark; a published notice page also states its last-updated date,
/// in its metadata and in its text, where a reader sees it.
/// </summary>
public sealed class PageMetadataCheck : IOutputCheck
{
    public IReadOnlyList<DiagnosticCode> Codes { get; } = [Check.Codes.PageMetadata];

    public void Inspect(OutputPage page, DiagnosticSink sink)
    {
        var head = page.First("head");
        if (string.IsNullOrWhiteSpace(page.First("title")?.Text))
        {
            Report(sink, page, head, "has no title", "Give the page template a <title>.");
        }

        var html = page.First("html");
        if (string.IsNullOrWhiteSpace(html?.Attribute("lang")))
        {
            Report(sink, page, html, "does not say its language", "Write <html lang=\"...\"> in the page template (site.yml's 'lang' sets it).");
        }

        if (!page.Elements.Any(e => e.Name == "main" || e.Attribute("role") == "main"))
        {
            Report(sink, page, page.First("body"), "has no main landmark", "Wrap the page's content in <main> in the page template.");
        }

        var status = Meta(page, "noticegen:status");
        if (status is not null && status != "draft")
        {
            var modified = Meta(page, "dcterms.modified");
            if (modified is null || !page.Elements.Any(e => e is { Name: "time", InMain: true } && e.Attribute("datetime") == modified))
            {
                Report(sink, page, head, "does not show its last-updated date",
                    "Keep the stamps in the page template: <meta name=\"dcterms.modified\"> and the 'Last updated' line with page.last_updated.");
            }
        }
    }

    public void Finish(OutputSite site, DiagnosticSink sink)
    {
    }

    private static void Report(DiagnosticSink sink, OutputPage page, OutputElement? element, string problem, string fix) =>
        sink.Report(Check.Codes.PageMetadata, page.Where(element), $"{page.Path} {problem}.", fix);

    private static string? Meta(OutputPage page, string name) =>
        page.Elements.FirstOrDefault(e => e.Name == "meta" && e.Attribute("name") == name)?.Attribute("content");
}
