namespace NoticeGen.Check;

/// <summary>A check of the working content (fragments, site.yml, templates): runs in every build and in `noticegen check`.</summary>
public interface IContentCheck
{
    /// <summary>The kinds of finding it reports.</summary>
    IReadOnlyList<DiagnosticCode> Codes { get; }

    void Run(ContentCheckContext context, DiagnosticSink sink);
}
