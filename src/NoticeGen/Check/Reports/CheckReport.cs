namespace NoticeGen.Check.Reports;

/// <summary>What `noticegen check` found: every finding, and the external URLs the site links to (listed, not fetched).</summary>
public sealed record CheckReport(IReadOnlyList<Diagnostic> Findings, IReadOnlyList<(string Url, IReadOnlyList<string> Pages)> ExternalLinks, bool Strict)
{
    public int Errors => Findings.Count(d => d.Severity == Severity.Error);

    public int Warnings => Findings.Count(d => d.Severity == Severity.Warning);

    /// <summary>Whether CI should fail: an error, or with --strict a warning.</summary>
    public bool Fails => Errors > 0 || (Strict && Warnings > 0);
}
