using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using NoticeGen.Check;
using NoticeGen.Check.Coverage;
using NoticeGen.Load;
using NoticeGen.Schemas;

namespace NoticeGen.Output;

/// <summary>
/// Where a build writes its files as they are made: a folder beside the target (fresh, or an earlier output taken over,
/// see <see cref="ReusedFolder"/>), swapped in only when the whole build succeeded, so a failed or interrupted build
/// leaves the previous site as it was. Safe to write from many threads.
/// </summary>
public sealed class StagingFolder : IDisposable
{
    /// <summary>A file in every output folder, so that a build only ever replaces a folder that an earlier build made.</summary>
    public const string Marker = ".noticegen-output";

    /// <summary>What the marker file says.</summary>
    public const string MarkerText = "Written by NoticeGen. This folder is replaced on every build: keep nothing else in it.\n";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ConcurrentDictionary<string, byte> _written = new(StringComparer.Ordinal);
    private int _count;
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);
    private readonly string _target;
    private readonly string _staging;
    private readonly string? _kept;
    private readonly ReusedFolder? _reused;
    private bool _committed;
    private int _unchanged;

    private readonly Action<WrittenFile>? _observer;

    /// <summary>
    /// Starts a build of <paramref name="outDir"/>; refuses a target that is not an earlier build's folder.
    /// <paramref name="written"/> sees each file as it is written (the output checks read pages there). With
    /// <paramref name="kept"/>, the output this build replaces is kept in that folder rather than deleted, and the next
    /// build writes over it, leaving the files it writes again as they are (<see cref="ReusedFolder"/>).
    /// </summary>
    public StagingFolder(string outDir, string siteDir, Action<WrittenFile>? written = null, string? kept = null)
    {
        _observer = written;
        _target = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(_target) ?? _target;
        Recover(parent, Path.GetFileName(_target));
        CheckTarget(_target, Path.GetFullPath(siteDir).TrimEnd(Path.DirectorySeparatorChar));
        Directory.CreateDirectory(parent);
        _staging = Path.Combine(parent, $".{Path.GetFileName(_target)}.staging-{Guid.NewGuid():N}");
        _kept = kept is null ? null : Path.GetFullPath(kept).TrimEnd(Path.DirectorySeparatorChar);
        _reused = _kept is null ? null : ReusedFolder.Adopt(_kept, _staging);
        if (_reused is null)
        {
            Directory.CreateDirectory(_staging);
        }
        else
        {
            foreach (var folder in _reused.Folders)
            {
                _folders.TryAdd(Path.Combine(_staging, folder.Replace('/', Path.DirectorySeparatorChar)), 0);
            }
        }
    }

    /// <summary>How many files this build wrote that an earlier output already held byte for byte, and so were left as they were.</summary>
    public int Unchanged => _unchanged;

    public string Target => _target;

    /// <summary>How many files have been written.</summary>
    /// <remarks>Counted apart: the count of a concurrent dictionary takes every one of its locks, and progress asks for it after each file.</remarks>
    public int Count => Volatile.Read(ref _count);

    /// <remarks>The text is encoded into a pooled buffer: the bytes of every page were as much garbage as the site's size.</remarks>
    public void Write(string path, string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(text.Length));
        try
        {
            Write(path, buffer.AsSpan(0, Utf8.GetBytes(text, buffer)), text);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes bytes the caller keeps: they are not held after the call.</summary>
    public void Write(string path, ReadOnlySpan<byte> bytes) => Write(path, bytes, null);

    private void Write(string path, ReadOnlySpan<byte> bytes, string? text)
    {
        if (path.Length == 0 || path.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(path) || path.Contains('\\') || path.EndsWith('/'))
        {
            throw new ArgumentException($"Output path '{path}' must name a file inside the output folder.", nameof(path));
        }

        if (!_written.TryAdd(path, 0))
        {
            throw new InvalidOperationException($"Two outputs would be written to {path}.");
        }

        Interlocked.Increment(ref _count);

        var file = Path.Combine(_staging, path.Replace('/', Path.DirectorySeparatorChar));
        var folder = Path.GetDirectoryName(file)!;
        // Each folder is made once: thousands of pages would otherwise ask the file system again for every parent. A folder
        // is recorded only once it exists, so a thread that finds it recorded never writes into a folder still being made
        // (two emitters write into one page's folder at the same time).
        _folders.GetOrAdd(folder, f =>
        {
            if (_reused is not null && f.Length > _staging.Length)
            {
                // A file of an earlier output where this build needs a folder (its own or a parent) makes way for it.
                var relative = f[(_staging.Length + 1)..].Replace(Path.DirectorySeparatorChar, '/');
                for (var slash = relative.IndexOf('/'); slash > 0; slash = relative.IndexOf('/', slash + 1))
                {
                    _reused.ClearForFolder(relative[..slash]);
                }

                _reused.ClearForFolder(relative);
            }

            Directory.CreateDirectory(f);
            return 0;
        });

        if (_reused is not null && _reused.Holds(path, file, bytes))
        {
            Interlocked.Increment(ref _unchanged);
        }
        else
        {
            File.WriteAllBytes(file, bytes);
        }

        _observer?.Invoke(new WrittenFile(path, bytes, text));
    }

    /// <summary>Swaps the finished build in for the previous one.</summary>
    public void Commit()
    {
        _reused?.RemoveUnwritten(keep: Marker);
        File.WriteAllText(Path.Combine(_staging, Marker), MarkerText);
        var retired = Path.Combine(Path.GetDirectoryName(_target)!, $".{Path.GetFileName(_target)}.old-{Guid.NewGuid():N}");
        if (Directory.Exists(_target))
        {
            Directory.Move(_target, retired);
        }

        try
        {
            Directory.Move(_staging, _target);
        }
        catch
        {
            if (Directory.Exists(retired) && !Directory.Exists(_target))
            {
                Directory.Move(retired, _target);
            }

            throw;
        }

        _committed = true;
        try
        {
            Retire(retired);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or AggregateException)
        {
            // The new site is in place; a retired folder that cannot be removed now is removed by a later build (Recover).
        }
    }

    /// <summary>Keeps a folder for the next build to write over, when asked to and none is kept yet; otherwise deletes it.</summary>
    private void Retire(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        if (_kept is not null && !Directory.Exists(_kept))
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_kept)!);
                Directory.Move(folder, _kept);
                return;
            }
            catch (IOException)
            {
                // Another file system (a rename cannot cross one), or another build kept its folder first.
            }
        }

        DeleteTree(folder);
    }

    /// <summary>
    /// Deletes a folder and what it holds, its files on several threads: removing the previous output of a long history
    /// (10,000 files) one by one took 5 s, longer than writing the new one, as each unlink waits on the file system, not
    /// the processor (hence more threads than cores). Links are removed, never followed.
    /// </summary>
    private static void DeleteTree(string folder)
    {
        if (new DirectoryInfo(folder).LinkTarget is not null)
        {
            File.Delete(folder);
            return;
        }

        if (!Directory.Exists(folder))
        {
            return;
        }

        var files = FolderTree.Entries(folder).Where(e => e.Entry is not DirectoryInfo || FolderTree.IsLink(e.Entry)).Select(e => e.Entry.FullName).ToList();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 4 }, File.Delete);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Removes the staging folder of a build that did not commit, or keeps it for the next build to write over: whatever
    /// it holds, the next build compares before it keeps anything.
    /// </summary>
    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        try
        {
            Retire(_staging);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or AggregateException)
        {
            // The build is failing already; a staging folder left behind is removed by a later build (Recover).
        }
    }

    /// <summary>
    /// Puts right what a build killed mid-way left beside the output: a previous output moved aside but not yet replaced
    /// goes back in place; staging and retired folders of builds that are long gone are removed.
    /// </summary>
    private void Recover(string parent, string name)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        var leftovers = Directory.EnumerateDirectories(parent, $".{name}.*").Order(StringComparer.Ordinal).ToList();
        var retired = leftovers.Where(d => Path.GetFileName(d).StartsWith($".{name}.old-", StringComparison.Ordinal)).ToList();
        if (!Directory.Exists(_target) && retired.Count > 0)
        {
            var latest = retired.OrderByDescending(Directory.GetLastWriteTimeUtc).First();
            Directory.Move(latest, _target);
            leftovers.Remove(latest);
        }

        // An hour is far longer than any build; a folder that old belongs to no running build.
        foreach (var stale in leftovers.Where(d => DateTime.UtcNow - Directory.GetLastWriteTimeUtc(d) > TimeSpan.FromHours(1)))
        {
            try
            {
                Directory.Delete(stale, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left for the next build: a leftover folder is harmless.
            }
        }
    }

    /// <summary>Refuses to replace anything that is not an earlier build: the site itself, a folder holding it, a file, or a folder of other files.</summary>
    private static void CheckTarget(string target, string site)
    {
        var where = new SourceSpan("--out", 1, 1);
        if (Path.GetDirectoryName(target) is null)
        {
            throw new UserErrorException(Codes.OutputFolder.At(where, "The output folder cannot be the file-system root.", "Pass --out with a folder of its own, e.g. _site."));
        }

        // A link as the output folder (committed to the repository by someone hostile) would have the build replace and
        // clear out the folder it leads to, the site's own text included.
        if (new FileInfo(target).LinkTarget is not null)
        {
            throw new UserErrorException(Codes.OutputFolder.At(where, $"The output folder {target} is a link, and a build replaces the folder whole: it would write where the link leads.",
                "Remove the link, or pass --out with a folder of its own, e.g. _site."));
        }

        if (File.Exists(target))
        {
            throw new UserErrorException(Codes.OutputFolder.At(where, $"{target} is a file, not a folder.", "Pass --out with a folder, e.g. _site."));
        }

        // The sources are read while the output is written: an output among them would be published into itself.
        var real = SiteRoot.RealPathOf(target) ?? target;
        var siteReal = SiteRoot.RealPathOf(site) ?? site;
        foreach (var sources in new[] { ContentLoader.ContentFolder, SiteTemplates.Folder, RuleLoader.SiteFolder, SchemaFiles.Folder })
        {
            var folder = Path.Combine(siteReal, sources);
            if (real == folder || real.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new UserErrorException(Codes.OutputFolder.At(where, $"The output folder {target} is inside the site's {sources}/ folder, which the build reads.",
                    "Pass --out with a folder outside content/, templates/, rules/ and schemas/, e.g. _site."));
            }
        }

        if (real == siteReal || siteReal.StartsWith(real + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new UserErrorException(Codes.OutputFolder.At(where, $"The output folder {target} holds the site itself, and a build replaces it whole.",
                "Pass --out with a folder of its own, e.g. _site."));
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !File.Exists(Path.Combine(target, Marker)))
        {
            throw new UserErrorException(Codes.OutputFolder.At(where, $"{target} holds files that NoticeGen did not write, and a build replaces the folder whole.",
                "Pass --out with a new or empty folder, or one an earlier build wrote."));
        }
    }
}

/// <summary>
/// A file as it was written into the output: its path there, its bytes, and its text when the writer had it as text. It
/// lives only during the call that reports it (the bytes are in a buffer the writer reuses).
/// </summary>
public readonly ref struct WrittenFile(string path, ReadOnlySpan<byte> bytes, string? text)
{
    public string Path { get; } = path;

    public ReadOnlySpan<byte> Bytes { get; } = bytes;

    public string? Text { get; } = text;
}
