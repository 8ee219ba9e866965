namespace NoticeGen.Check;

/// <summary>
/// A check of the built pages, run on each HTML page as it is written (archived versions and redlines included), and
/// once more when every file is written, for what spans pages (links between them).
/// </summary>
public interface IOutputCheck
{
    IReadOnlyList<DiagnosticCode> Codes { get; }

    void Inspect(OutputPage page, DiagnosticSink sink);

    void Finish(OutputSite site, DiagnosticSink sink);
}
