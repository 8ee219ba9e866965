using System.Globalization;
using System.Text;
using NoticeGen.Check.Content;
using NoticeGen.Load;

namespace NoticeGen.Import;

/// <summary>The migration report as plain text, for the terminal: per version, what was imported and what to check.</summary>
public static class ReportText
{
    public static string Render(ImportReport report)
    {
        var text = new StringBuilder();
        var last = report.Versions[^1].Plan.Site;
        text.Append(CultureInfo.InvariantCulture, $"Imported {Count(report.Versions.Count, "version")} into {report.Into}: ")
            .Append(CultureInfo.InvariantCulture, $"{Count(last.Notices.Count, "notice")}, {Count(last.Fragments.Count, "fragment")}")
            .Append(report.Versions.Count(v => v.Version.Date is not null) is var released and > 0 ? $", {Count(released, "release")}" : string.Empty)
            .Append(".\n");
        for (var i = 0; i < report.Versions.Count; i++)
        {
            var version = report.Versions[i];
            text.Append('\n').Append("== ").Append(version.Version.Date is { } date ? Dates.Iso(date) + ": " : string.Empty).Append(version.Version.Label).Append(" ==\n");
            Version(version, report.New(i), text);
        }

        text.Append('\n').Append(report.WordForWord ? "Every page NoticeGen composes says what its source says, word for word.\n"
            : "See the differences above; the full report is in " + ImportReport.FileName + ".\n");
        return text.ToString();
    }

    private static void Version(VersionReport version, (IReadOnlyList<ImportNote> Notes, IReadOnlyList<GuessedSection> Guesses) fresh, StringBuilder text)
    {
        var plan = version.Plan;
        foreach (var superseded in version.Version.Superseded)
        {
            text.Append("Not imported: ").Append(superseded.Display).Append(", an earlier version of the same date (the last one listed is kept).\n");
        }

        foreach (var skipped in version.Version.Skipped)
        {
            text.Append("From the history: ").Append(skipped).Append('\n');
        }

        text.Append("Notices:\n");
        foreach (var notice in plan.Notices)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {notice.Id}: “{notice.Title}”, {Count(notice.Source.Sections.Count, "section")} ({notice.File}:{notice.Source.Line})\n");
        }

        if (version.Comparisons is { } comparisons)
        {
            text.Append("Word comparison with the pages NoticeGen composes:\n");
            foreach (var c in comparisons)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {c.NoticeId}: ");
                text.Append(c.Differences.Count == 0
                    ? $"no differences ({Count(c.SourceWords, "word")}).\n"
                    : $"{Count(c.Differences.Count, "difference")} (source {c.SourceWords} words, page {c.PageWords}):\n");
                foreach (var d in c.Differences)
                {
                    text.Append("    source: “").Append(d.Removed).Append("”  page: “").Append(d.Added).Append("”\n");
                }
            }
        }

        Section(text, "Written once, listed in several notices", plan.Duplicates.Select(d =>
            $"{d.FragmentId} (“{d.Title}”): {string.Join(", ", d.Places.Zip(d.Notices, (p, n) => $"{p.File}:{p.Line} in {n}"))}"));
        Section(text, "Repeated notices, skipped", plan.Repeats.Select(r =>
            $"{r.Where.File}:{r.Where.Line}-{r.LastLine} repeats “{r.Original}” ({r.OriginalWhere.File}:{r.OriginalWhere.Line}), {NearDuplicate.Percent(r.Similarity)} alike; " +
            (r.OnlyInCopy.Count == 0 ? "the copy has no words the original lacks." : "words only in the copy: " + string.Join("; ", r.OnlyInCopy.Select(c => "“" + c.Added + "”")) + ".")));
        Section(text, "Sections kept under their earlier id (matched by content)", plan.Renamed.Select(k =>
            $"{k.FragmentId}: “{k.OldTitle}” is now “{k.NewTitle}” ({NearDuplicate.Percent(k.Similarity)} alike)"));
        Section(text, "Near-duplicate sections (one shared fragment with a parameter would do)", plan.NearSections.Select(n => n.ToString()));
        Section(text, "Near-duplicate paragraphs in different sections", plan.NearParagraphs.Select(n => n.ToString()));
        Section(text, "Jurisdiction guesses to confirm", fresh.Guesses.Select(g =>
            $"{g.FragmentId} (“{g.Title}”, {g.Where.File}:{g.Where.Line}): [{string.Join(", ", g.Guess.Jurisdictions)}] {g.Guess.Comment}"));
        Section(text, "Shown as text", fresh.Notes.Where(n => n.Kind == NoteKind.ShownAsText).Select(n => $"{n.Where}: {n.Text}"));
        Section(text, "Left out", fresh.Notes.Where(n => n.Kind == NoteKind.LeftOut).Select(n => $"{n.Where}: {n.Text}"));
        Section(text, "To check", fresh.Notes.Where(n => n.Kind == NoteKind.Check).Select(n => $"{n.Where}: {n.Text}"));
    }

    private static void Section(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.Append(title).Append(":\n");
        foreach (var line in list)
        {
            text.Append("  ").Append(line).Append('\n');
        }
    }

    internal static string Count(int n, string noun) => n.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
