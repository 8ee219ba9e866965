namespace NoticeGen.Output;

/// <summary>
/// Walks a folder of the output without ever following a link: a link in an output or kept folder (made by hand, or
/// committed by someone hostile) could lead anywhere, and deleting or writing through it would reach outside.
/// </summary>
internal static class FolderTree
{
    /// <summary>
    /// Every entry below <paramref name="root"/>, each folder's entries before those of its sub-folders, with its path
    /// from the root ("a/b.html"); a link is listed but never entered.
    /// </summary>
    /// <param name="skip">Folders (by path from the root) whose entries are not listed; the folder itself is.</param>
    public static IEnumerable<(FileSystemInfo Entry, string Relative)> Entries(string root, Func<string, bool>? skip = null)
    {
        var pending = new Stack<(DirectoryInfo Folder, string Relative)>([(new DirectoryInfo(root), string.Empty)]);
        while (pending.TryPop(out var current))
        {
            foreach (var entry in current.Folder.EnumerateFileSystemInfos())
            {
                var relative = current.Relative.Length == 0 ? entry.Name : current.Relative + "/" + entry.Name;
                yield return (entry, relative);
                if (entry is DirectoryInfo folder && !IsLink(entry) && skip?.Invoke(relative) != true)
                {
                    pending.Push((folder, relative));
                }
            }
        }
    }

    /// <summary>Whether an entry is a link (read from the listing, without asking the file system again).</summary>
    public static bool IsLink(FileSystemInfo entry) => entry.Attributes.HasFlag(FileAttributes.ReparsePoint);
}
