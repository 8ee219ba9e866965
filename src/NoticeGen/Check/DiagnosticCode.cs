namespace NoticeGen.Check;

/// <summary>
/// One kind of finding: a stable code (NG1003) that CI, SARIF viewers and site.yml's 'checks:' refer to, a short name,
/// the severity it has unless site.yml says otherwise, and what it is about.
/// </summary>
public sealed record DiagnosticCode(string Code, string Name, Severity DefaultSeverity, string Summary)
{
    /// <summary>A finding of this kind at its default severity.</summary>
    public Diagnostic At(SourceSpan where, string message, string fix) => new(this, DefaultSeverity, where, message, fix);

    public override string ToString() => Code;
}
