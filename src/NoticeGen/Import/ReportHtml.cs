using System.Globalization;
using System.Net;
using System.Text;
using NoticeGen.Check.Content;
using NoticeGen.Load;

namespace NoticeGen.Import;

/// <summary>
/// The migration report as a self-contained HTML page (import-report.html in the site folder): the same findings as the
/// text report, with word differences marked as deletions and insertions.
/// </summary>
public static class ReportHtml
{
    public static string Render(ImportReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Import report</title>\n<style>\n")
            .Append("body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}")
            .Append("del{background:#fde2e2;color:#7a0000}ins{background:#dcf5dc;color:#0b5a0b}")
            .Append("code{font-size:.9em}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}.ok{color:#0b5a0b}.warn{color:#7a0000}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}\n")
            .Append("</style>\n</head>\n<body>\n<main>\n<h1>Import report</h1>\n");
        var last = report.Versions[^1].Plan.Site;
        html.Append("<p>").Append(E($"{ReportText.Count(report.Versions.Count, "version")} imported: {ReportText.Count(last.Notices.Count, "notice")}, {ReportText.Count(last.Fragments.Count, "fragment")}.")).Append("</p>\n");
        html.Append(report.WordForWord
            ? "<p class=\"ok\">Every page NoticeGen composes says what its source says, word for word.</p>\n"
            : "<p class=\"warn\">Some pages differ from their source: see below.</p>\n");
        for (var i = 0; i < report.Versions.Count; i++)
        {
            var version = report.Versions[i];
            html.Append("<section>\n<h2>").Append(E((version.Version.Date is { } d ? Dates.Iso(d) + ": " : string.Empty) + version.Version.Label)).Append("</h2>\n");
            Version(version, report.New(i), html);
            html.Append("</section>\n");
        }

        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static void Version(VersionReport version, (IReadOnlyList<ImportNote> Notes, IReadOnlyList<GuessedSection> Guesses) fresh, StringBuilder html)
    {
        var plan = version.Plan;
        List(html, "Not imported (an earlier version of the same date)", version.Version.Superseded.Select(s => E(s.Display)));
        List(html, "From the history", version.Version.Skipped.Select(E));
        html.Append("<h3>Notices</h3>\n<table>\n<tr><th scope=\"col\">id</th><th scope=\"col\">title</th><th scope=\"col\">sections</th><th scope=\"col\">source</th><th scope=\"col\">word comparison</th></tr>\n");
        foreach (var notice in plan.Notices)
        {
            var comparison = version.Comparisons?.FirstOrDefault(c => c.NoticeId == notice.Id);
            var result = comparison is null ? "not compared"
                : comparison.Differences.Count == 0 ? $"no differences ({ReportText.Count(comparison.SourceWords, "word")})"
                : ReportText.Count(comparison.Differences.Count, "difference");
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{E(notice.Id)}</code></td><td>{E(notice.Title)}</td><td>{notice.Source.Sections.Count}</td><td>{E(notice.File)}:{notice.Source.Line}</td><td>{E(result)}</td></tr>\n");
        }

        html.Append("</table>\n");
        foreach (var comparison in version.Comparisons?.Where(c => c.Differences.Count > 0) ?? [])
        {
            List(html, $"Differences between the source and the page of {comparison.NoticeId}", comparison.Differences.Select(Change));
        }

        List(html, "Written once, listed in several notices", plan.Duplicates.Select(d =>
            $"<code>{E(d.FragmentId)}</code> (“{E(d.Title)}”): {E(string.Join(", ", d.Places.Zip(d.Notices, (p, n) => $"{p.File}:{p.Line} in {n}")))}"));
        List(html, "Repeated notices, skipped", plan.Repeats.Select(r =>
            E($"{r.Where.File}:{r.Where.Line}-{r.LastLine} repeats “{r.Original}” ({r.OriginalWhere.File}:{r.OriginalWhere.Line}), {NearDuplicate.Percent(r.Similarity)} alike; ")
            + (r.OnlyInCopy.Count == 0 ? "the copy has no words the original lacks." : "words only in the copy: " + string.Join("; ", r.OnlyInCopy.Select(c => "<ins>" + E(c.Added) + "</ins>")))));
        List(html, "Sections kept under their earlier id (matched by content)", plan.Renamed.Select(k =>
            $"<code>{E(k.FragmentId)}</code>: “{E(k.OldTitle)}” is now “{E(k.NewTitle)}” ({NearDuplicate.Percent(k.Similarity)} alike)"));
        List(html, "Near-duplicate sections (one shared fragment with a parameter would do)", plan.NearSections.Select(Near));
        List(html, "Near-duplicate paragraphs in different sections", plan.NearParagraphs.Select(Near));
        List(html, "Jurisdiction guesses to confirm", fresh.Guesses.Select(g =>
            $"<code>{E(g.FragmentId)}</code> (“{E(g.Title)}”, {E($"{g.Where.File}:{g.Where.Line}")}): <code>[{E(string.Join(", ", g.Guess.Jurisdictions))}]</code> {E(g.Guess.Comment)}"));
        List(html, "Shown as text", fresh.Notes.Where(n => n.Kind == NoteKind.ShownAsText).Select(n => E($"{n.Where}: {n.Text}")));
        List(html, "Left out", fresh.Notes.Where(n => n.Kind == NoteKind.LeftOut).Select(n => E($"{n.Where}: {n.Text}")));
        List(html, "To check", fresh.Notes.Where(n => n.Kind == NoteKind.Check).Select(n => E($"{n.Where}: {n.Text}")));
    }

    private static string Near(NearDuplicate n) =>
        E($"{n.First.Where} ({n.First.FragmentId}) and {n.Second.Where} ({n.Second.FragmentId}), {NearDuplicate.Percent(n.Similarity)} alike: ")
        + (n.Changes.Count == 0 ? "word for word." : string.Join("; ", n.Changes.Select(Change)));

    /// <summary>A change with its words marked, and the same said in words (colour is not the only sign).</summary>
    private static string Change(WordChange c) =>
        (c.Removed.Length > 0 ? $"<del><span class=\"visually-hidden\">removed: </span>{E(c.Removed)}</del>" : string.Empty)
        + (c.Removed.Length > 0 && c.Added.Length > 0 ? " " : string.Empty)
        + (c.Added.Length > 0 ? $"<ins><span class=\"visually-hidden\">added: </span>{E(c.Added)}</ins>" : string.Empty);

    private static void List(StringBuilder html, string title, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        html.Append("<h3>").Append(E(title)).Append("</h3>\n<ul>\n");
        foreach (var item in list)
        {
            html.Append("<li>").Append(item).Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
