namespace NoticeGen.Import;

/// <summary>The whole migration report: where the site was written, and each version with its pages compared to the source.</summary>
public sealed record ImportReport(string Into, IReadOnlyList<VersionReport> Versions)
{
    public const string FileName = "import-report.html";

    /// <summary>
    /// The notes and jurisdiction guesses of a version that no earlier version already had: a history of ten versions
    /// of one page reports its footer, or its California section, once.
    /// </summary>
    public (IReadOnlyList<ImportNote> Notes, IReadOnlyList<GuessedSection> Guesses) New(int version)
    {
        var earlierNotes = Versions.Take(version).SelectMany(v => v.Plan.Notes).Select(n => (n.Kind, n.Text)).ToHashSet();
        var earlierGuesses = Versions.Take(version).SelectMany(v => v.Plan.Guesses).Select(g => (g.FragmentId, string.Join(",", g.Guess.Jurisdictions))).ToHashSet();
        var plan = Versions[version].Plan;
        return (plan.Notes.Where(n => !earlierNotes.Contains((n.Kind, n.Text))).ToList(),
            plan.Guesses.Where(g => !earlierGuesses.Contains((g.FragmentId, string.Join(",", g.Guess.Jurisdictions)))).ToList());
    }

    /// <summary>Whether every compared notice page says exactly what its source says.</summary>
    public bool WordForWord => Versions.All(v => v.Comparisons?.All(c => c.Differences.Count == 0) == true);
}
