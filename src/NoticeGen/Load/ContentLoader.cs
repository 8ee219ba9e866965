using NoticeGen.Check;

namespace NoticeGen.Load;

/// <summary>Loads a <see cref="ContentSet"/> from a folder: site.yml and every Markdown fragment under the content folder.</summary>
public static class ContentLoader
{
    public const string ContentFolder = "content";
    public const string ReleasesFolder = "releases";

    /// <summary>Images and other files the text links to, under content/; published as they are under assets/.</summary>
    public const string AssetsFolder = "assets";

    /// <summary>Loads the working content of a site folder (everything under content/ except the release archive).</summary>
    public static ContentSet LoadWorking(string siteDir, DiagnosticSink? sink = null, ParallelOptions? parallel = null) =>
        Load(siteDir, Path.Combine(siteDir, SiteLoader.FileName), Path.Combine(siteDir, ContentFolder), sink,
            exclude: [Path.Combine(siteDir, ContentFolder, ReleasesFolder), Path.Combine(siteDir, ContentFolder, AssetsFolder)], parallel: parallel);

    /// <summary>
    /// Loads site.yml and the fragments below <paramref name="fragmentsDir"/>, reporting every problem of every file to
    /// <paramref name="sink"/> (a sink of its own when none is given), then stops if there was an error.
    /// Paths in findings are relative to <paramref name="siteDir"/>. <paramref name="known"/> may give a file's fragment
    /// without reading it again (the same bytes, already read and parsed against the same jurisdictions), and
    /// <paramref name="parseSite"/> site.yml's YAML.
    /// </summary>
    public static ContentSet Load(string siteDir, string siteFile, string fragmentsDir, DiagnosticSink? sink = null, IReadOnlyList<string>? exclude = null, bool snapshot = false,
        ParallelOptions? parallel = null, SiteRoot? root = null, Func<string, IReadOnlySet<string>, Fragment?>? known = null, Func<string, string, YNode?>? parseSite = null)
    {
        sink ??= new DiagnosticSink();
        root ??= SiteRoot.Of(siteDir);
        var site = LoadSite(siteDir, siteFile, sink, snapshot, root, parseSite);
        return LoadFragments(siteDir, site, fragmentsDir, sink, exclude, parallel, root, known);
    }

    /// <summary>Reads site.yml alone (see <see cref="Load"/>), stopping on an error.</summary>
    public static SiteModel LoadSite(string siteDir, string siteFile, DiagnosticSink sink, bool snapshot = false, SiteRoot? root = null, Func<string, string, YNode?>? parseSite = null)
    {
        var siteRel = Relative(siteDir, siteFile);
        if (!File.Exists(siteFile))
        {
            throw new UserErrorException(Codes.MissingFile.At(SourceSpan.StartOf(siteRel), "site.yml was not found.",
                "Run the command in the site folder, or pass --site DIR."));
        }

        var siteText = SiteFiles.ReadText(siteDir, siteFile, sink, root: root ?? SiteRoot.Of(siteDir));
        var site = siteText is null ? null : sink.Collect(() => SiteLoader.Load(siteText, siteRel, snapshot, parseSite));
        sink.ThrowIfErrors();
        return site!;
    }

    /// <summary>Reads the fragments below <paramref name="fragmentsDir"/> against the jurisdictions of <paramref name="site"/> (see <see cref="Load"/>), stopping on an error.</summary>
    public static ContentSet LoadFragments(string siteDir, SiteModel site, string fragmentsDir, DiagnosticSink sink, IReadOnlyList<string>? exclude = null,
        ParallelOptions? parallel = null, SiteRoot? root = null, Func<string, IReadOnlySet<string>, Fragment?>? known = null)
    {
        root ??= SiteRoot.Of(siteDir);
        var jurisdictions = site.Jurisdictions.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        // Fragments are read and parsed on all cores, and kept in the files' order, so that the build does not depend on it.
        // With one thread (as for each release, which are themselves read side by side) no parallel query is set up.
        var files = MarkdownFiles(fragmentsDir, exclude).ToList();
        Fragment? Read(string path) =>
            known?.Invoke(path, jurisdictions) ?? (SiteFiles.ReadText(siteDir, path, sink, SiteFiles.MaxFragmentBytes, root) is { } text
                ? sink.Collect(() => FragmentParser.Parse(text, Relative(siteDir, path), jurisdictions))
                : null);
        var threads = Threads.Of(parallel);
        var fragments = (threads == 1 ? files.Select(Read) : files.AsParallel().AsOrdered().WithDegreeOfParallelism(threads).Select(Read))
            .OfType<Fragment>()
            .ToList();

        foreach (var group in fragments.GroupBy(f => f.Id).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var dup in group.Skip(1))
            {
                sink.Report(Codes.DuplicateId, dup.Where, $"The fragment id '{dup.Id}' is already used by {first.File}.",
                    "Give each fragment its own id (ids must be unique across the site).");
            }
        }

        sink.ThrowIfErrors();
        return new ContentSet(site, fragments);
    }

    /// <summary>Markdown files in a stable, machine-independent order.</summary>
    public static IEnumerable<string> MarkdownFiles(string dir, IReadOnlyList<string>? exclude)
    {
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var excluded = (exclude ?? []).Select(e => Path.GetFullPath(e) + Path.DirectorySeparatorChar).ToList();
        return Directory.EnumerateFiles(dir, "*.md", SearchOption.AllDirectories)
            .Where(p => !excluded.Any(e => Path.GetFullPath(p).StartsWith(e, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);
    }

    public static string Relative(string siteDir, string path) =>
        Path.GetRelativePath(siteDir, path).Replace(Path.DirectorySeparatorChar, '/');
}
