using System.Text;
using NoticeGen.Check;
using NoticeGen.Load;

namespace NoticeGen.Releases;

/// <summary>
/// The release archive under content/releases/: one folder per effective date holding release.yml, a snapshot of site.yml, and the fragments at their paths under content/.
/// Reading verifies every hash and the chain of manifests; writing refuses a date that is taken or earlier than the latest.
/// </summary>
public static class ReleaseStore
{
    private const string Fix = "Archived releases are immutable: restore the folder from version control (e.g. git checkout -- content/releases). To change the text, edit the working fragments and make a new release.";

    public static string Root(string siteDir) => Path.Combine(siteDir, ContentLoader.ContentFolder, ContentLoader.ReleasesFolder);

    /// <summary>Every release, oldest first, each verified against its manifest and its predecessor (releases are read in parallel).</summary>
    /// <remarks>
    /// With <paramref name="verified"/>, a file the last build verified and that has not been written since is not read
    /// again. Without <paramref name="readFragments"/>, each release's fragments are read when first asked for (verified
    /// like the rest: their hashes are the manifest's), or all at once with <see cref="ReadFragments"/>.
    /// </remarks>
    public static IReadOnlyList<Release> LoadAll(string siteDir, ParallelOptions? parallel = null, DiagnosticSink? sink = null, VerifiedFiles? verified = null, bool readFragments = true)
    {
        verified ??= new VerifiedFiles();
        var root = Root(siteDir);
        if (!Directory.Exists(root))
        {
            return [];
        }

        var diagnostics = sink ?? new DiagnosticSink();
        var dirs = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories(root).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            if (Dates.TryParse(Path.GetFileName(dir), out _))
            {
                dirs.Add(dir);
            }
            else
            {
                diagnostics.Report(Codes.ArchiveLayout, SourceSpan.StartOf(ContentLoader.Relative(siteDir, dir) + "/"), "This folder in the release archive is not named after a date (YYYY-MM-DD).",
                    "Remove it; 'noticegen release' creates release folders.");
            }
        }

        foreach (var file in Directory.EnumerateFiles(root).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            // Someone may keep notes beside the releases; they are never published, but a file that was meant as a release
            // (a manifest or fragment copied one level too high) would otherwise go unnoticed.
            diagnostics.Report(Codes.ArchiveStrayFile, SourceSpan.StartOf(ContentLoader.Relative(siteDir, file)),
                "This file is directly in the release archive, where no build reads it: releases are the dated folders.",
                "Move it out of content/releases/ (or into a release folder, if it belongs to one, with 'noticegen release').");
        }

        // Each release is checked against the folder before it, even when that one failed, so one tampered release is reported once.
        var releases = new Release?[dirs.Count];
        var site = SiteRoot.Of(siteDir);
        var archived = new ArchivedFragments();
        var snapshots = new ArchivedSnapshots();
        Parallel.For(0, dirs.Count, parallel ?? new ParallelOptions(), i =>
        {
            var manifest = Verify(site, siteDir, dirs[i], i == 0 ? null : dirs[i - 1], diagnostics, verified);
            if (manifest is null)
            {
                return;
            }

            // Each release is read with a sink of its own, so that one release's errors do not stop the others being read.
            var own = new DiagnosticSink();
            var snapshot = own.Collect(() => ContentLoader.LoadSite(siteDir, Path.Combine(dirs[i], SiteLoader.FileName), own, snapshot: true, root: site, parseSite: snapshots.Parse));
            diagnostics.AddRange(own.Items);
            if (snapshot is not null)
            {
                releases[i] = new Release(manifest, ContentLoader.Relative(siteDir, dirs[i]), snapshot, () => Fragments(snapshot, manifest, dirs[i]));
            }
        });

        diagnostics.ThrowIfErrors();
        var loaded = releases.OfType<Release>().ToList();
        if (readFragments)
        {
            ReadFragments(loaded, parallel, diagnostics);
        }

        return loaded;

        // A release's fragments, each file of them verified against the manifest's hash: a file frozen unchanged in an
        // earlier release (the same hash) is taken as parsed there.
        ContentSet Fragments(SiteModel snapshot, ReleaseManifest manifest, string dir)
        {
            var hashes = manifest.Files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
            string? HashOf(string file) => hashes.GetValueOrDefault(Path.GetRelativePath(dir, Path.Combine(siteDir, file)).Replace(Path.DirectorySeparatorChar, '/'));
            var shelf = archived.Among(snapshot.Jurisdictions.Select(j => j.Id));
            var own = new DiagnosticSink();
            var content = own.Collect(() => ContentLoader.LoadFragments(siteDir, snapshot, dir, own, parallel: OneRelease(parallel, dirs.Count), root: site,
                known: (path, _) => shelf.Find(HashOf(path), ContentLoader.Relative(siteDir, path))));
            diagnostics.AddRange(own.Items);
            own.ThrowIfErrors();
            foreach (var fragment in content!.Fragments)
            {
                shelf.Add(HashOf(fragment.File), fragment);
            }

            return content;
        }
    }

    /// <summary>
    /// Reads the fragments of every release not read yet, releases side by side, and stops with every release's errors.
    /// </summary>
    public static void ReadFragments(IEnumerable<Release> releases, ParallelOptions? parallel, DiagnosticSink diagnostics)
    {
        Parallel.ForEach(releases, parallel ?? new ParallelOptions(), release =>
        {
            try
            {
                _ = release.Content;
            }
            catch (UserErrorException ex)
            {
                diagnostics.AddRange(ex.Diagnostics);
            }
        });
        diagnostics.ThrowIfErrors();
    }

    /// <summary>
    /// How parallel reading one release's fragments may be: the build's threads shared among the releases read side by
    /// side (a parallel query nested in each of 200 releases cost more than it gained).
    /// </summary>
    private static ParallelOptions OneRelease(ParallelOptions? parallel, int releases) =>
        new() { MaxDegreeOfParallelism = Math.Max(1, Threads.Of(parallel) / Math.Max(1, releases)) };

    private static ReleaseManifest? Verify(SiteRoot site, string siteDir, string dir, string? previousDir, DiagnosticSink diagnostics, VerifiedFiles verified)
    {
        var manifestPath = Path.Combine(dir, ReleaseManifest.FileName);
        var manifestRel = ContentLoader.Relative(siteDir, manifestPath);
        if (!File.Exists(manifestPath))
        {
            diagnostics.Report(Codes.ArchiveLayout, SourceSpan.StartOf(manifestRel), "This release has no manifest.", Fix);
            return null;
        }

        if (!site.Contains(manifestPath))
        {
            diagnostics.Report(Codes.OutsideSite, SourceSpan.StartOf(manifestRel), "This release manifest is a link to a file outside the site folder, and is not read.", Fix);
            return null;
        }

        if (new FileInfo(manifestPath).Length > SiteFiles.MaxTextBytes)
        {
            // A manifest lists a release's files: one of a site with thousands of fragments is well under a megabyte.
            diagnostics.Report(Codes.ArchiveLayout, SourceSpan.StartOf(manifestRel),
                $"This release manifest is more than the {SiteFiles.MaxTextBytes / 1024 / 1024} MB a file may hold; 'noticegen release' never writes one so large.", Fix);
            return null;
        }

        var manifestBytes = SiteFiles.ReadBytes(manifestPath);
        if (diagnostics.Collect(() => ReleaseManifest.Parse(Encoding.UTF8.GetString(manifestBytes), manifestRel)) is not { } manifest)
        {
            return null;
        }

        var outer = diagnostics;
        diagnostics = new DiagnosticSink();
        if (Dates.Iso(manifest.Effective) != Path.GetFileName(dir))
        {
            diagnostics.Report(Codes.ArchiveLayout, SourceSpan.StartOf(manifestRel), $"The manifest says {Dates.Iso(manifest.Effective)}, but its folder is {Path.GetFileName(dir)}.", Fix);
        }

        var previousManifest = previousDir is null ? null : Path.Combine(previousDir, ReleaseManifest.FileName);
        DateOnly? expectedPrevious = previousDir is not null && Dates.TryParse(Path.GetFileName(previousDir), out var previousDate) ? previousDate : null;
        var expectedHash = previousManifest is not null && File.Exists(previousManifest) ? ReleaseManifest.Sha256(SiteFiles.ReadBytes(previousManifest)) : null;
        if (manifest.Previous != expectedPrevious || manifest.PreviousManifestSha256 != expectedHash)
        {
            diagnostics.Report(Codes.ArchiveTampered, SourceSpan.StartOf(manifestRel),
                previousDir is null
                    ? "This is the oldest release, but its manifest names a previous one."
                    : $"The manifest does not match the previous release ({Path.GetFileName(previousDir)}): a release was removed, added or edited.",
                Fix);
        }

        var listed = manifest.Files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var found = new DirectoryInfo(dir).GetFiles("*", SearchOption.AllDirectories);
        Array.Sort(found, (a, b) => string.CompareOrdinal(a.FullName, b.FullName));
        foreach (var info in found)
        {
            var file = info.FullName;
            var inRelease = Path.GetRelativePath(dir, file).Replace(Path.DirectorySeparatorChar, '/');
            if (inRelease == ReleaseManifest.FileName)
            {
                continue;
            }

            var fileRel = ContentLoader.Relative(siteDir, file);
            if (!site.Contains(info))
            {
                listed.Remove(inRelease);
                diagnostics.Report(Codes.OutsideSite, SourceSpan.StartOf(fileRel), "This archived file is a link to a file outside the site folder, and is not read.", Fix);
            }
            else if (!listed.Remove(inRelease, out var hash))
            {
                diagnostics.Report(Codes.ArchiveTampered, SourceSpan.StartOf(fileRel), "This file was added to an archived release after it was made.", Fix);
            }
            else if (!verified.Matches(info, hash))
            {
                diagnostics.Report(Codes.ArchiveTampered, SourceSpan.StartOf(fileRel), "This archived file no longer matches its release manifest (its SHA-256 differs).", Fix);
            }
        }

        foreach (var missing in listed.Keys)
        {
            diagnostics.Report(Codes.ArchiveTampered, SourceSpan.StartOf(ContentLoader.Relative(siteDir, Path.Combine(dir, missing))),
                "This file of an archived release is missing.", Fix);
        }

        outer.AddRange(diagnostics.Items);
        return diagnostics.HasErrors ? null : manifest;
    }

    /// <summary>
    /// Makes the release that would freeze <paramref name="content"/>, refusing a missing summary or a date that is taken or
    /// earlier than the latest release; writes nothing (see <see cref="Write"/>).
    /// </summary>
    public static PendingRelease Prepare(string siteDir, ContentSet content, DateOnly effective, string summary, IReadOnlyList<Release> existing)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            throw new UserErrorException(Codes.ReleaseRefused.At(SourceSpan.StartOf(SiteLoader.FileName), "A release needs a summary.",
                "Pass --summary \"what changed, in a sentence\"."));
        }

        var latest = existing.LastOrDefault();
        var archiveRel = ContentLoader.Relative(siteDir, Root(siteDir)) + "/";
        if (existing.Any(r => r.Effective == effective))
        {
            throw new UserErrorException(Codes.ReleaseRefused.At(SourceSpan.StartOf(archiveRel + Dates.Iso(effective) + "/"),
                $"There is already a release effective {Dates.Iso(effective)}.",
                "Releases are immutable: choose a later --effective date for the new release."));
        }

        if (latest is not null && effective < latest.Effective)
        {
            throw new UserErrorException(Codes.ReleaseRefused.At(SourceSpan.StartOf(archiveRel + Dates.Iso(latest.Effective) + "/"),
                $"The effective date {Dates.Iso(effective)} is before the latest release ({Dates.Iso(latest.Effective)}).",
                $"Choose an --effective date after {Dates.Iso(latest.Effective)}; history is only ever added to."));
        }

        var folder = archiveRel + Dates.Iso(effective);
        var snapshot = SiteSnapshot.ToYaml(content.Site);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [SiteLoader.FileName] = Encoding.UTF8.GetBytes(snapshot),
        };
        var contentDir = Path.Combine(siteDir, ContentLoader.ContentFolder);
        // Only what some page shows is frozen: a fragment that is not used yet would only confuse the record.
        var used = Compose.SitePlanner.UsedFragmentIds(content);
        var kept = content.Fragments.Where(f => used.Contains(f.Id)).ToList();
        foreach (var fragment in kept)
        {
            var source = Path.Combine(siteDir, fragment.File);
            files[Path.GetRelativePath(contentDir, source).Replace(Path.DirectorySeparatorChar, '/')] = File.ReadAllBytes(source);
        }

        var previousHash = latest is null ? null : ReleaseManifest.Sha256(File.ReadAllBytes(Path.Combine(siteDir, latest.Folder, ReleaseManifest.FileName)));
        var manifest = new ReleaseManifest(effective, summary.Trim(), latest?.Effective, previousHash,
            files.Select(f => new KeyValuePair<string, string>(f.Key, ReleaseManifest.Sha256(f.Value))).ToList());
        files[ReleaseManifest.FileName] = Encoding.UTF8.GetBytes(manifest.ToYaml());

        // Read back as a build reads an archived release: site.yml from its snapshot, the fragments as they are.
        var frozen = new ContentSet(SiteLoader.Load(snapshot, folder + "/" + SiteLoader.FileName, snapshot: true), kept);
        return new PendingRelease(manifest, folder, files, frozen);
    }

    /// <summary>Writes a prepared release into the archive, whole or not at all; returns its folder.</summary>
    public static string Write(string siteDir, PendingRelease release)
    {
        var root = Root(siteDir);
        var staging = Path.Combine(root, $".staging-{Guid.NewGuid():N}");
        var target = Path.Combine(root, Dates.Iso(release.Effective));
        try
        {
            foreach (var (path, bytes) in release.Files)
            {
                var file = Path.Combine(staging, path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, bytes);
            }

            Directory.Move(staging, target);
            var attributes = Path.Combine(root, ".gitattributes");
            if (!File.Exists(attributes))
            {
                // Git must not turn line ends into CRLF on Windows checkouts: the manifest hashes the exact bytes.
                File.WriteAllText(attributes, "# Written by 'noticegen release': archived files are kept byte for byte; their hashes are checked.\n* -text\n");
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return target;
    }
}
