using NoticeGen.Check;
using NoticeGen.Cli;
using NoticeGen.Load;

namespace NoticeGen.Import;

/// <summary>
/// Runs an import: reads every source, plans each version, writes the versions into a staging folder (releasing each dated
/// one with <c>noticegen release</c>), builds the result to compare it word for word with the sources, writes the
/// migration report, and only then moves the site into place. Any error leaves the target folder as it was.
/// </summary>
public static class Importer
{
    /// <summary>What the import writes into the target folder; with --force these replace what is there, and nothing else is touched.</summary>
    private static readonly string[] Written = ["site.yml", "content", ".gitignore", ImportReport.FileName];

    public static ImportReport Run(ImportRequest request, Func<string, string?> environment, Func<DateTimeOffset> clock)
    {
        // "site/" and "site" are the same folder; the staging folder goes beside it, not inside it.
        var into = Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.Into));
        CheckTarget(into, request.Force);
        var versions = Versions(request);
        var options = new ImportOptions(request.Deduplicate, request.NoticeId);

        // Read every source first, so that one run reports every bad file.
        var diagnostics = new DiagnosticSink();
        var pages = versions.Select(v => v.Files.Select(f =>
        {
            try
            {
                return f.Read();
            }
            catch (UserErrorException ex)
            {
                foreach (var d in ex.Diagnostics)
                {
                    diagnostics.Add(d);
                }

                return null;
            }
        }).ToList()).ToList();
        diagnostics.ThrowIfErrors();

        var state = ImportState.Empty;
        var plans = new List<VersionPlan>();
        for (var i = 0; i < versions.Count; i++)
        {
            var plan = ImportPlanner.Plan(pages[i].Select(p => p!).ToList(), options, state, versions[i].Label);
            plans.Add(plan);
            state = plan.Next;
        }

        var parent = Path.GetDirectoryName(into) ?? into;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(into)}.noticegen-import-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            for (var i = 0; i < versions.Count; i++)
            {
                SiteWriter.Write(plans[i].Site, staging);
                if (versions[i].Date is { } date)
                {
                    Release(staging, date, versions[i], environment, clock);
                }
            }

            var dated = versions.Select((v, i) => (v.Date, plans[i])).ToList();
            // The pages are built in the staging folder with the target's own templates when it has some (the copy is
            // removed afterwards), else with the built-in theme.
            var templates = Path.Combine(into, "templates");
            var copied = Directory.Exists(templates);
            if (copied)
            {
                CopyDirectory(templates, Path.Combine(staging, "templates"));
            }

            IReadOnlyList<IReadOnlyList<NoticeComparison>> comparisons = MigrationCheck.Compare(staging, dated, DateOnly.FromDateTime(clock().UtcDateTime), environment, clock);
            if (copied)
            {
                Directory.Delete(Path.Combine(staging, "templates"), recursive: true);
            }

            var report = new ImportReport(into, versions.Select((v, i) => new VersionReport(v, plans[i], comparisons[i])).ToList());
            File.WriteAllText(Path.Combine(staging, ImportReport.FileName), ReportHtml.Render(report));
            MoveIntoPlace(staging, into);
            return report;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static void CheckTarget(string into, bool force)
    {
        if (File.Exists(into))
        {
            throw new UserErrorException(Codes.OutputFolder.At(new SourceSpan("--into", 1, 1), $"{into} is a file, not a folder.",
                "Pass --into with a new or empty folder for the site."));
        }

        if (!force && Directory.Exists(into) && Directory.EnumerateFileSystemEntries(into).Any())
        {
            throw new UserErrorException(Codes.OutputFolder.At(new SourceSpan("--into", 1, 1), $"The folder {into} is not empty.",
                $"Import into a new or empty folder, or pass --force to write the site into it ({string.Join(", ", Written)} are replaced; nothing else is touched)."));
        }
    }

    private static IReadOnlyList<SourceVersion> Versions(ImportRequest request)
    {
        if (request.Git is { } git)
        {
            return GitHistory.Versions(git, git);
        }

        var files = request.Sources.Select(s => (Path.GetFullPath(s), s)).ToList();
        if (request.History)
        {
            return VersionList.FromFiles(files);
        }

        return [new SourceVersion(request.Release, files.Select(f => new SourceFile(f.Item2, f.Item1, null, Path.GetExtension(f.Item1), request.Release,
            $"Imported from {string.Join(", ", files.Select(x => Path.GetFileName(x.Item1)))}.")).ToList(), [])];
    }

    /// <summary>Records a version as a release with the release command itself, so its checks and archive format apply.</summary>
    private static void Release(string staging, DateOnly date, SourceVersion version, Func<string, string?> environment, Func<DateTimeOffset> clock)
    {
        using var log = new StringWriter();
        var summary = version.Files[^1].Summary;
        var exit = Program.Run(["release", "--site", staging, "--effective", Dates.Iso(date), "--summary", summary], log, log, environment, clock);
        if (exit != 0)
        {
            var messages = log.ToString().Split('\n').Where(l => l.Contains(": error: ", StringComparison.Ordinal)).Select(l => l.Trim()).DefaultIfEmpty(log.ToString().Trim());
            throw new UserErrorException(Codes.ImportSource.At(SourceSpan.StartOf(version.Files[^1].Display),
                $"This version could not be released: {string.Join(" / ", messages)}.",
                "Nothing was written. This is something the importer cannot express yet: please report it with the source file."));
        }
    }

    private static void MoveIntoPlace(string staging, string into)
    {
        if (!Directory.Exists(into))
        {
            Directory.Move(staging, into);
            return;
        }

        foreach (var name in Written)
        {
            var target = Path.Combine(into, name);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
            else if (File.Exists(target))
            {
                File.Delete(target);
            }

            var source = Path.Combine(staging, name);
            if (Directory.Exists(source))
            {
                Directory.Move(source, target);
            }
            else if (File.Exists(source))
            {
                File.Move(source, target);
            }
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
