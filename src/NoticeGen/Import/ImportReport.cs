namespace NoticeGen.Import;

/// <summary>The whole migration report: where the site was written, each version, and why pages were not compared, if they were not.</summary>
public sealed record ImportReport(string Into, IReadOnlyList<VersionReport> Versions, string? NotCompared)
{
    public const string FileName = "import-report.html";

    /// <summary>Whether every compared notice page says exactly what its source says.</summary>
    public bool WordForWord => NotCompared is null && Versions.All(v => v.Comparisons?.All(c => c.Differences.Count == 0) == true);
}
