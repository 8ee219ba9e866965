using NoticeGen.Check;
using NoticeGen.Check.Content;
using NoticeGen.Cli;
using NoticeGen.Load;

namespace NoticeGen.Import;

/// <summary>
/// Builds the imported site with NoticeGen itself and compares, word for word, each notice of each version with the page
/// NoticeGen composes from the fragments: what the source says must be what the site says.
/// </summary>
public static class MigrationCheck
{
    /// <summary>Differences a few words apart are one edit: reported as one passage, with the words between.</summary>
    private const int JoinGap = 3;

    public static IReadOnlyList<IReadOnlyList<NoticeComparison>> Compare(
        string siteDir, IReadOnlyList<(DateOnly? Date, VersionPlan Plan)> versions, DateOnly today, Func<string, string?> environment, Func<DateTimeOffset> clock)
    {
        var output = Path.Combine(Path.GetTempPath(), "noticegen-import-check-" + Guid.NewGuid().ToString("N"));
        try
        {
            var buildDate = versions[^1].Date ?? today;
            using var log = new StringWriter();
            var exit = Program.Run(["build", "--site", siteDir, "--out", output, "--now", Dates.Iso(buildDate)], log, log, environment, clock);
            if (exit != 0)
            {
                var messages = log.ToString().Split('\n').Where(l => l.Contains(": error: ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
                throw new UserErrorException(Codes.ImportSource.At(SourceSpan.StartOf(versions[^1].Plan.Notices[0].File),
                    $"The imported site does not build: {string.Join(" / ", messages.DefaultIfEmpty(log.ToString().Trim()))}.",
                    "Nothing was written. This is something the importer cannot express yet: please report it with the source file."));
            }

            return versions.Select(v => (IReadOnlyList<NoticeComparison>)v.Plan.Notices.Select(n =>
            {
                var page = n.Id + "/" + (v.Date is { } date ? Dates.Iso(date) + "/" : string.Empty);
                var file = Path.Combine(output, page.Replace('/', Path.DirectorySeparatorChar), "index.html");
                var pageWords = File.Exists(file) ? ComposedPage.Words(File.ReadAllText(file)) : [];
                var sourceWords = n.Source.PlainTexts().SelectMany(t => t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToList();
                return new NoticeComparison(n.Id, n.Title, page, sourceWords.Count, pageWords.Count, Differences(sourceWords, pageWords));
            }).ToList()).ToList();
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    /// <summary>Exact words (case and punctuation count): removed = in the source only, added = on the page only.</summary>
    public static IReadOnlyList<WordChange> Differences(IReadOnlyList<string> source, IReadOnlyList<string> page)
    {
        var a = source.Select(w => new ComparableWord(w, w)).ToList();
        var b = page.Select(w => new ComparableWord(w, w)).ToList();
        var runs = WordComparison.Runs(a, b);
        var changes = new List<WordChange>();
        for (var i = 0; i < runs.Count; i++)
        {
            if (runs[i].Equal)
            {
                continue;
            }

            var (aStart, aEnd, bStart, bEnd) = (runs[i].AStart, runs[i].AStart + runs[i].ACount, runs[i].BStart, runs[i].BStart + runs[i].BCount);
            while (i + 2 < runs.Count && runs[i + 1].Equal && runs[i + 1].ACount <= JoinGap && !runs[i + 2].Equal)
            {
                i += 2;
                (aEnd, bEnd) = (runs[i].AStart + runs[i].ACount, runs[i].BStart + runs[i].BCount);
            }

            changes.Add(new WordChange(string.Join(' ', source.Skip(aStart).Take(aEnd - aStart)), string.Join(' ', page.Skip(bStart).Take(bEnd - bStart))));
        }

        return changes;
    }
}
