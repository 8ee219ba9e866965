using NoticeGen.Load;

namespace NoticeGen.Serve;

/// <summary>
/// Watches what a build reads (site.yml, content/, templates/ and rules/) and reports each changed file by its path in
/// the site, ignoring editors' temporary files. The output and cache folders are not watched at all, so a build never
/// sets off another. A watched folder that appears or is replaced later is picked up.
/// </summary>
internal sealed class SiteWatcher : IDisposable
{
    /// <summary>The folders a build reads; everything else in the site folder (output, cache, .git) is left alone.</summary>
    public static IReadOnlyList<string> Folders { get; } = ["content", "templates", "rules"];

    public const string SiteFile = "site.yml";

    private readonly string _site;
    private readonly Action<string> _changed;
    private readonly FileSystemWatcher _top;
    private readonly Dictionary<string, FileSystemWatcher> _folders = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private bool _disposed;

    public SiteWatcher(string siteDir, Action<string> changed)
    {
        _site = Path.GetFullPath(siteDir);
        _changed = changed;
        _top = new FileSystemWatcher(_site)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _top.Changed += (_, e) => OnTop(e.Name);
        _top.Created += (_, e) => OnTop(e.Name);
        _top.Deleted += (_, e) => OnTop(e.Name);
        _top.Renamed += (_, e) =>
        {
            OnTop(e.OldName);
            OnTop(e.Name);
        };
        _top.Error += (_, _) => Report(SiteFile);
        foreach (var folder in Folders)
        {
            Attach(folder);
        }

        _top.EnableRaisingEvents = true;
    }

    /// <summary>
    /// Whether a file name is an editor's or the system's scratch file: vim's swap files and write test, Emacs locks and
    /// autosaves, backups ending in '~', JetBrains' and sed's temporary files, LibreOffice locks, Finder and Explorer files.
    /// </summary>
    public static bool IsScratch(string fileName) =>
        fileName.EndsWith('~')
        || fileName is "4913" or ".DS_Store" or "Thumbs.db" or "desktop.ini"
        || fileName.StartsWith(".#", StringComparison.Ordinal)
        || (fileName.Length > 1 && fileName.StartsWith('#') && fileName.EndsWith('#'))
        || fileName.StartsWith(".~lock.", StringComparison.Ordinal)
        || fileName.EndsWith("___jb_tmp___", StringComparison.Ordinal)
        || fileName.EndsWith("___jb_old___", StringComparison.Ordinal)
        || (fileName.Length == 9 && fileName.StartsWith("sed", StringComparison.Ordinal) && fileName[3..].All(char.IsAsciiLetterOrDigit))
        || Path.GetExtension(fileName).ToLowerInvariant() is ".swp" or ".swo" or ".swx" or ".swn" or ".tmp" or ".temp" or ".bak" or ".crdownload" or ".part";

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _top.Dispose();
            foreach (var watcher in _folders.Values)
            {
                watcher.Dispose();
            }

            _folders.Clear();
        }
    }

    private void OnTop(string? name)
    {
        if (name == SiteFile)
        {
            Report(SiteFile);
        }
        else if (name is not null && Folders.Contains(name))
        {
            // The folder appeared, went, or was replaced by a rename: watch whatever is there now.
            Attach(name);
            Report(name + "/");
        }
    }

    private void Attach(string folder)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            if (_folders.Remove(folder, out var old))
            {
                old.Dispose();
            }

            var path = Path.Combine(_site, folder);
            if (!Directory.Exists(path))
            {
                return;
            }

            FileSystemWatcher watcher;
            try
            {
                watcher = new FileSystemWatcher(path)
                {
                    IncludeSubdirectories = true,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                };
            }
            catch (ArgumentException)
            {
                // Removed between the check and the watch: its deletion is reported by the top watcher.
                return;
            }

            watcher.Changed += (_, e) => OnFile(e.FullPath, e.ChangeType);
            watcher.Created += (_, e) => OnFile(e.FullPath, e.ChangeType);
            watcher.Deleted += (_, e) => OnFile(e.FullPath, e.ChangeType);
            watcher.Renamed += (_, e) =>
            {
                OnFile(e.OldFullPath, WatcherChangeTypes.Deleted);
                OnFile(e.FullPath, WatcherChangeTypes.Created);
            };

            // Events were lost (the system's queue overflowed): some file changed, so build.
            watcher.Error += (_, _) => Report(folder + "/");
            watcher.EnableRaisingEvents = true;
            _folders[folder] = watcher;
        }
    }

    private void OnFile(string fullPath, WatcherChangeTypes change)
    {
        if (IsScratch(Path.GetFileName(fullPath)) || (change == WatcherChangeTypes.Changed && Directory.Exists(fullPath)))
        {
            // A folder's own "changed" only says that something inside it changed, which is reported for that file.
            return;
        }

        Report(ContentLoader.Relative(_site, fullPath));
    }

    private void Report(string path)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
        }

        _changed(path);
    }
}
