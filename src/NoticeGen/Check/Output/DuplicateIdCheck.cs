namespace NoticeGen.Check.Output;

/// <summary>No two elements of a page share an id: links, the table of contents and assistive technology rely on them.</summary>
public sealed class DuplicateIdCheck : IOutputCheck
{
    public IReadOnlyList<DiagnosticCode> Codes { get; } = [Check.Codes.DuplicateHtmlId];

    public void Inspect(OutputPage page, DiagnosticSink sink)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in page.Elements)
        {
            if (element.Id is { } id && !seen.Add(id))
            {
                sink.Report(Check.Codes.DuplicateHtmlId, page.Where(element), $"The id '{id}' is used twice on {page.Path}.",
                    "Give headings distinct {#id}s, or rename one of the sections or fragments with this id.");
            }
        }
    }

    public void Finish(OutputSite site, DiagnosticSink sink)
    {
    }
}
