using System.Text.RegularExpressions;
using NoticeGen.Check;
using NoticeGen.Load;

namespace NoticeGen.Import;

/// <summary>
/// Orders dated versions of a page: files named by date (2021-03-01.html, privacy-2021-03-01.md), listed oldest first;
/// several on one date keep the last listed, and the others are reported.
/// </summary>
public static partial class VersionList
{
    public static DateOnly? DateInName(string path)
    {
        var m = DateInFileName().Match(System.IO.Path.GetFileName(path));
        return m.Success && Dates.TryParse(m.Value, out var date) ? date : null;
    }

    /// <summary>Dated files in the order given; an undated file or one listed after a later date is a located error.</summary>
    public static IReadOnlyList<SourceVersion> FromFiles(IReadOnlyList<(string Path, string Display)> files)
    {
        var diagnostics = new DiagnosticSink();
        var dated = new List<SourceFile>();
        foreach (var (path, display) in files)
        {
            if (DateInName(path) is not { } date)
            {
                diagnostics.Report(Codes.ImportSource, SourceSpan.StartOf(display), "The date of this version is not in its file name.",
                    "Name each version by the date it took effect (2021-03-01.html, or privacy-2021-03-01.html), or use --git FILE to read the versions from Git.");
                continue;
            }

            if (dated.Count > 0 && date < dated[^1].Date)
            {
                diagnostics.Report(Codes.ImportSource, SourceSpan.StartOf(display), $"This version is dated {Dates.Iso(date)}, but is listed after {dated[^1].Display} ({Dates.Iso(dated[^1].Date!.Value)}).",
                    "List the versions oldest first (a shell pattern such as versions/*.html lists date-named files in that order).");
                continue;
            }

            dated.Add(new SourceFile(display, path, null, System.IO.Path.GetExtension(path), date, $"Imported from {System.IO.Path.GetFileName(path)}."));
        }

        diagnostics.ThrowIfErrors();
        return Group(dated);
    }

    /// <summary>One version per date: the last of that date, with the others it replaced.</summary>
    public static IReadOnlyList<SourceVersion> Group(IReadOnlyList<SourceFile> dated) =>
        dated.GroupBy(f => f.Date).Select(g => new SourceVersion(g.Key, [g.Last()], g.SkipLast(1).ToList())).ToList();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex DateInFileName();
}
