using NoticeGen.Build;

namespace NoticeGen.Serve;

/// <summary>
/// The folder one serve session builds into, .noticegen-cache/serve/&lt;session&gt;/&lt;build&gt;/, held by a lock file so
/// that a second serve of the same site keeps its own, and so that the folders of a session killed outright are
/// recognised (nobody holds their lock) and removed by the next session. Removed when the session ends.
/// </summary>
internal sealed class PreviewFolder : IDisposable
{
    private const string LockFile = ".lock";
    private readonly FileStream _lock;

    private PreviewFolder(string path, FileStream lockStream)
    {
        Path = path;
        _lock = lockStream;
    }

    public string Path { get; }

    /// <summary>An earlier build kept for the next to write over, so that a rebuild writes only the files that changed.</summary>
    public string Kept => System.IO.Path.Combine(Path, "kept");

    public static PreviewFolder Create(string siteDir)
    {
        var root = System.IO.Path.Combine(siteDir, BuildRequest.CacheFolder, "serve");
        Directory.CreateDirectory(root);
        RemoveAbandoned(root);
        var path = System.IO.Path.Combine(root, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return new PreviewFolder(path, new FileStream(System.IO.Path.Combine(path, LockFile), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None));
    }

    /// <summary>
    /// Removes the builds of this session other than those still served (<paramref name="keep"/> and the one before it),
    /// the first of them kept for the next build to write over (<see cref="Kept"/>) when none is.
    /// </summary>
    public void RemoveBuildsBefore(string keep, string? previous)
    {
        var kept = System.IO.Path.GetFullPath(Kept);
        foreach (var build in Directory.EnumerateDirectories(Path).Order(StringComparer.Ordinal))
        {
            var full = System.IO.Path.GetFullPath(build);
            if (full != kept && full != System.IO.Path.GetFullPath(keep) && (previous is null || full != System.IO.Path.GetFullPath(previous)) && !TryKeep(full, kept))
            {
                TryDelete(build);
            }
        }
    }

    private static bool TryKeep(string build, string kept)
    {
        try
        {
            if (!Directory.Exists(kept))
            {
                Directory.Move(build, kept);
                return true;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Deleted instead: the next build then writes every file.
        }

        return false;
    }

    public void Dispose()
    {
        _lock.Dispose();
        TryDelete(Path);
    }

    /// <summary>The folders of sessions that ended without removing them (killed, or the machine stopped): their lock is free.</summary>
    private static void RemoveAbandoned(string root)
    {
        foreach (var session in Directory.EnumerateDirectories(root))
        {
            try
            {
                // FileShare.None takes the same lock a live session holds: opening it proves the session is gone.
                using (new FileStream(System.IO.Path.Combine(session, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
                {
                }

                TryDelete(session);
            }
            catch (IOException)
            {
                // A live session's folder: left alone.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to remove.
            }
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover preview folder is harmless; the next session removes it.
        }
    }
}
