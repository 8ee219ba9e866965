using System.Security.Cryptography;
using System.Text;
using NoticeGen.Build;
using NoticeGen.Check;
using NoticeGen.Check.Coverage;
using NoticeGen.Compose;
using NoticeGen.History;
using NoticeGen.Load;

namespace NoticeGen.Output;

/// <summary>
/// Leaves the output folder as it is when nothing it is made from has changed. The last build's record, in the cache,
/// holds the key of everything its output was made from, every entry it left in the output folder with its length and
/// write time, and what the output checks found. A build with the same key, over an output folder still as that build
/// left it, reports those findings again instead of writing and checking every page only to find it unchanged: a working
/// edit that no published page shows (the release in force is published, not the working text) costs no output at all.
/// </summary>
public sealed class OutputMemo(BuildCache cache, string outDir, ParallelOptions? parallel = null)
{
    private readonly string _outDir = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);

    private string RecordKey => BuildCache.Key("output-record", _outDir);

    /// <summary>
    /// The key of everything the output of <paramref name="sources"/> is made from: the tool (in every cache key), the build date
    /// and options, the output folder, site.yml, the templates, the rule files, every file under content/ (the release
    /// archive by its verified manifests), except the bodies of working fragments while no page publishes the working
    /// text. Null when the site folder holds a link, which the key could not follow safely.
    /// </summary>
    public string? KeyOf(SiteSources sources)
    {
        var request = sources.Request;
        var site = Path.GetFullPath(request.SiteDir);
        var parts = new List<string>
        {
            "output/1", site, _outDir, Dates.Iso(request.Today), request.Drafts ? "drafts" : "no drafts",
        };
        parts.AddRange(sources.Timeline.Releases.Select(r => r.Identity));

        // The working text reaches the output only where it is published: as the current pages while no release is in
        // force, or under draft/ with --drafts. Otherwise only its front matter does (titles, jurisdictions and 'covers:'
        // shape the pages' records and the redlines' topics).
        var published = sources.CurrentIsDraft || sources.ShowsDraftBeside;
        var fragments = sources.Working.Fragments.ToDictionary(f => f.File, StringComparer.Ordinal);
        var releases = Path.Combine(site, ContentLoader.ContentFolder, ContentLoader.ReleasesFolder);
        var files = new List<(string Relative, string Full)>();
        foreach (var top in new[] { SiteLoader.FileName, ContentLoader.ContentFolder, SiteTemplates.Folder, RuleLoader.SiteFolder })
        {
            var path = Path.Combine(site, top);
            if (new FileInfo(path).LinkTarget is not null)
            {
                return null;
            }

            if (File.Exists(path))
            {
                files.Add((top, path));
            }
            else if (Directory.Exists(path))
            {
                // The archive counts by its verified manifests: its 12,000 files of a long history are not listed again.
                foreach (var (entry, relative) in FolderTree.Entries(path, folder => Path.Combine(path, folder) == releases))
                {
                    if (FolderTree.IsLink(entry))
                    {
                        return null;
                    }

                    if (entry is FileInfo)
                    {
                        files.Add((top + "/" + relative, entry.FullName));
                    }
                }
            }
        }

        foreach (var (relative, full) in files.OrderBy(f => f.Relative, StringComparer.Ordinal))
        {
            parts.Add(relative);
            parts.Add(fragments.TryGetValue(relative, out var fragment)
                ? published ? fragment.Source : FrontMatter(fragment)
                : Convert.ToHexStringLower(SHA256.HashData(SiteFiles.ReadBytes(full))));
        }

        return BuildCache.Key(parts);
    }

    /// <summary>
    /// The lines of a fragment before its body: <see cref="Fragment.Template"/> is the body after the front matter's lines
    /// blanked out, so the source less that body is the front matter (with any blank lines that open the body).
    /// </summary>
    private static string FrontMatter(Fragment fragment) =>
        "front matter\n" + fragment.Source[..(fragment.Source.Length - fragment.Template.TrimStart('\n').Length)];

    /// <summary>
    /// The last build's record when it was made from <paramref name="key"/> and the output folder is still as that build
    /// left it; otherwise null, and the build writes the output.
    /// </summary>
    public OutputRecord? Reusable(string? key) =>
        key is not null && cache.TryGet<OutputRecord>(RecordKey) is { } record && record.Key == key && Scan() is { } folder && folder == record.Folder
            ? record
            : null;

    /// <summary>Records a finished build's output for the next build; a build that cannot write its record only loses that build's time.</summary>
    /// <param name="stamps">Each page's stamp in the release in force: what the content checks of a build that leaves the output as it is read of the history.</param>
    public void Remember(string? key, IEnumerable<Diagnostic> findings, IReadOnlyDictionary<PageKey, Stamp> stamps, BuildSummary summary)
    {
        if (key is not null && Scan() is { } folder)
        {
            var recorded = stamps.Select(s => new RecordedStamp(s.Key.NoticeId, s.Key.AudienceId, s.Value.LastUpdated, s.Value.LastReviewed))
                .OrderBy(s => s.Notice, StringComparer.Ordinal).ThenBy(s => s.Audience, StringComparer.Ordinal).ToList();
            cache.Set(RecordKey, new OutputRecord(key, folder, findings.Order(DiagnosticOrder.Instance).ToList(), recorded, summary));
        }
    }

    /// <summary>
    /// The output folder's state: a digest of every entry with its length and the time it was last written (to the tick),
    /// in path order; null when the folder is missing or holds a link. Any edit, added or removed file changes it: the
    /// output is trusted as the last build left it on the same evidence make and git rely on, without reading it all again
    /// (a 200-release history is 370 MB).
    /// </summary>
    /// <remarks>
    /// The top folders (one per notice) are listed side by side: a long history's output is 15,000 entries to stat. The
    /// record keeps the digest, not the list, which was 2 MB of JSON to read back.
    /// </remarks>
    private OutputFolder? Scan()
    {
        var root = new DirectoryInfo(_outDir);
        if (!root.Exists || root.LinkTarget is not null)
        {
            return null;
        }

        try
        {
            var top = root.GetFileSystemInfos();
            var parts = new List<OutputFile>?[top.Length];
            Parallel.For(0, top.Length, parallel ?? new ParallelOptions(), i => parts[i] = Below(top[i]));
            if (parts.Any(p => p is null))
            {
                return null;
            }

            var files = parts.SelectMany(p => p!).ToList();
            files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var file in files)
            {
                digest.AppendData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{file.Path}\0{file.Length}\0{file.Written}\n")));
            }

            return new OutputFolder(Convert.ToHexStringLower(digest.GetHashAndReset()), files.Count(f => !f.Path.EndsWith('/') && f.Path != StagingFolder.Marker));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is IOException or UnauthorizedAccessException))
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A top entry of the output and everything below it; null when any of them is a link.</summary>
    private static List<OutputFile>? Below(FileSystemInfo top)
    {
        var files = new List<OutputFile>();
        if (!Add(top, top.Name))
        {
            return null;
        }

        if (top is DirectoryInfo)
        {
            foreach (var (entry, relative) in FolderTree.Entries(top.FullName))
            {
                if (!Add(entry, top.Name + "/" + relative))
                {
                    return null;
                }
            }
        }

        return files;

        bool Add(FileSystemInfo entry, string relative)
        {
            if (FolderTree.IsLink(entry))
            {
                return false;
            }

            files.Add(entry is FileInfo file
                ? new OutputFile(relative, file.Length, file.LastWriteTimeUtc.Ticks)
                // A folder counts too, so that an empty folder left in the output is seen.
                : new OutputFile(relative + "/", 0, 0));
            return true;
        }
    }
}

/// <summary>
/// What a build left in its output folder, and what the output checks found there (as found, before site.yml's 'checks:');
/// with the pages' stamps and the counts it published, so that a build that leaves the folder as it is need not render
/// the releases again to check the working text and report what it published.
/// </summary>
public sealed record OutputRecord(string Key, OutputFolder Folder, IReadOnlyList<Diagnostic> Findings, IReadOnlyList<RecordedStamp> Stamps, BuildSummary Summary)
{
    public IReadOnlyDictionary<PageKey, Stamp> StampsByPage() =>
        Stamps.ToDictionary(s => new PageKey(s.Notice, s.Audience), s => new Stamp(s.LastUpdated, s.LastReviewed));
}

/// <summary>A page's stamp in the release in force, as an <see cref="OutputRecord"/> keeps it.</summary>
public sealed record RecordedStamp(string Notice, string Audience, DateOnly LastUpdated, DateOnly? LastReviewed);

/// <summary>An output folder as a build left it: the digest of its entries (see <see cref="OutputMemo"/>) and how many files the build wrote into it.</summary>
public sealed record OutputFolder(string Digest, int Files);

/// <summary>One entry of an output folder: its path in it ("websites/index.html", "websites/" for a folder), length and last write time in ticks.</summary>
internal readonly record struct OutputFile(string Path, long Length, long Written);
