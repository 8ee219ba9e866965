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
        var document = page.Document;
        if (string.IsNullOrWhiteSpace(document.Title))
        {
            Report(sink, page, document.Head, "has no title", "Give the page template a <title>.");
        }

        if (string.IsNullOrWhiteSpace(document.DocumentElement.GetAttribute("lang")))
        {
            Report(sink, page, document.DocumentElement, "does not say its language", "Write <html lang=\"...\"> in the page template (site.yml's 'lang' sets it).");
        }

        if (document.QuerySelector("main, [role=main]") is null)
        {
            Report(sink, page, document.Body, "has no main landmark", "Wrap the page's content in <main> in the page template.");
        }

        var status = document.QuerySelector("meta[name='noticegen:status']")?.GetAttribute("content");
        if (status is not null && status != "draft")
        {
            var modified = document.QuerySelector("meta[name='dcterms.modified']")?.GetAttribute("content");
            if (modified is null || document.QuerySelector($"main time[datetime='{modified}']") is null)
            {
                Report(sink, page, document.Head, "does not show its last-updated date",
                    "Keep the stamps in the page template: <meta name=\"dcterms.modified\"> and the 'Last updated' line with page.last_updated.");
            }
        }
    }

    public void Finish(OutputSite site, DiagnosticSink sink)
    {
    }

    private static void Report(DiagnosticSink sink, OutputPage page, AngleSharp.Dom.IElement? element, string problem, string fix) =>
        sink.Report(Check.Codes.PageMetadata, page.Where(element), $"{page.Path} {problem}.", fix);
}
