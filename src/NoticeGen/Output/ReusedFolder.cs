using System.Buffers;
using System.Collections.Concurrent;

namespace NoticeGen.Output;

/// <summary>
/// An earlier build's output taken over as a new build's staging folder: a file whose bytes the new build writes again is
/// left as it is, and what the new build does not write is removed before the swap. Nothing in it is trusted: each kept
/// file is compared byte for byte, links are removed unread, so any content (a folder from a failed build, a file edited
/// by hand) gives the same output as a fresh folder.
/// </summary>
/// <remarks>
/// A rebuild after one edit writes a few files of 10,000; making and removing 10,000 directory entries (write the new
/// folder, delete the old one) took longer than rendering them, and a deploy that syncs by date re-sent every file.
/// </remarks>
internal sealed class ReusedFolder
{
    private const int ChunkSize = 64 * 1024;

    private readonly string _root;
    private readonly ConcurrentDictionary<string, long> _files;
    private readonly HashSet<string> _folders;
    private readonly IReadOnlyList<string> _emptyFolders;

    private ReusedFolder(string root, ConcurrentDictionary<string, long> files, HashSet<string> folders, IReadOnlyList<string> emptyFolders)
    {
        _root = root;
        _files = files;
        _folders = folders;
        _emptyFolders = emptyFolders;
    }

    /// <summary>The folders it holds, relative to it ('a/b'), so that a build does not make them again.</summary>
    public IReadOnlySet<string> Folders => _folders;

    /// <summary>
    /// Moves <paramref name="kept"/> to <paramref name="staging"/> and reads what it holds; null when there is no kept
    /// folder or it cannot be moved there (another build took it, or it is on another file system).
    /// </summary>
    public static ReusedFolder? Adopt(string kept, string staging)
    {
        try
        {
            // A link in its place (committed to the repository by someone hostile) would make the build write into, and
            // clear out, the folder it leads to.
            if (new DirectoryInfo(kept) is not { Exists: true, LinkTarget: null })
            {
                return null;
            }

            Directory.Move(kept, staging);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // An adopted folder keeps its old date; a build that finds a staging folder over an hour old takes it for a dead
        // build's leftovers and removes it.
        Directory.SetLastWriteTimeUtc(staging, DateTime.UtcNow);
        var files = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, relative) in FolderTree.Entries(staging))
        {
            if (FolderTree.IsLink(entry))
            {
                // Writing through a link would change a file outside the output.
                File.Delete(entry.FullName);
            }
            else if (entry is DirectoryInfo)
            {
                folders.Add(relative);
            }
            else
            {
                files[relative] = ((FileInfo)entry).Length;
            }
        }

        // A folder that is no kept entry's parent holds nothing (or held only links).
        var parents = files.Keys.Concat(folders).Select(p => p.LastIndexOf('/') is var slash and > 0 ? p[..slash] : string.Empty).ToHashSet(StringComparer.Ordinal);
        var empty = folders.Where(f => !parents.Contains(f)).ToList();
        return new ReusedFolder(staging, files, folders, empty);
    }

    /// <summary>
    /// Whether <paramref name="path"/> already holds exactly <paramref name="bytes"/>; either way the file is counted as
    /// written by this build. A different file or a folder in its place is removed, so that the file can be written anew.
    /// </summary>
    public bool Holds(string path, string file, ReadOnlySpan<byte> bytes)
    {
        if (!_files.TryRemove(path, out var length))
        {
            if (_folders.Contains(path) && Directory.Exists(file))
            {
                Directory.Delete(file, recursive: true);
                foreach (var inside in _files.Keys.Where(p => p.StartsWith(path + "/", StringComparison.Ordinal)))
                {
                    _files.TryRemove(inside, out _);
                }
            }

            return false;
        }

        if (length == bytes.Length && SameBytes(file, bytes))
        {
            return true;
        }

        // Removed, not written over: a file of the kept folder may share its data with another (a hard link made by
        // hand), which writing in place would change too.
        File.Delete(file);
        return false;
    }

    /// <summary>Makes room for a folder where the earlier output had a file of that name.</summary>
    public void ClearForFolder(string path)
    {
        if (_files.TryRemove(path, out _))
        {
            File.Delete(Path.Combine(_root, path));
        }
    }

    /// <summary>Removes every file this build did not write, and the folders that leaves empty.</summary>
    public void RemoveUnwritten(string keep)
    {
        var stale = _files.Keys.Where(p => p != keep).ToList();
        Parallel.ForEach(stale, new ParallelOptions { MaxDegreeOfParallelism = 4 }, p => File.Delete(Path.Combine(_root, p)));
        // Only folders that held a removed file, or held nothing, can be empty now; deepest first, so that a folder left
        // with only empty folders goes too.
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in stale.Concat(_emptyFolders.Select(f => f + "/")))
        {
            var slash = path.LastIndexOf('/');
            while (slash > 0 && candidates.Add(path[..slash]))
            {
                slash = path.LastIndexOf('/', slash - 1);
            }
        }

        foreach (var folder in candidates.OrderByDescending(f => f.Count(c => c == '/')).ThenBy(f => f, StringComparer.Ordinal))
        {
            var full = Path.Combine(_root, folder);
            if (Directory.Exists(full) && !Directory.EnumerateFileSystemEntries(full).Any())
            {
                Directory.Delete(full);
            }
        }
    }

    private static bool SameBytes(string file, ReadOnlySpan<byte> bytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            using var handle = File.OpenHandle(file);
            long offset = 0;
            while (offset < bytes.Length)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(ChunkSize, bytes.Length - offset)), offset);
                if (read == 0 || !buffer.AsSpan(0, read).SequenceEqual(bytes.Slice((int)offset, read)))
                {
                    return false;
                }

                offset += read;
            }

            // A file that grew since it was listed is not the same.
            return RandomAccess.GetLength(handle) == bytes.Length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
