namespace NoticeGen.Bench.SiteGen;

/// <summary>
/// A shorter history cut from a longer one: a copy of the site holding only its first R releases, whose working text is that
/// of release R. The archive is a hash chain from the oldest release on, so any prefix of it is a valid archive.
/// </summary>
public static class HistoryPrefix
{
    public static void Copy(string from, string to, int releases)
    {
        var archive = Path.Combine(from, "content", "releases");
        var dated = Directory.Exists(archive)
            ? Directory.GetDirectories(archive).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
        if (releases < 1 || releases > dated.Count)
        {
            throw new ArgumentException($"{from} holds {dated.Count} releases; cannot keep the first {releases}.");
        }

        // Build caches and outputs belong to the builds of the longer history, not to the copy.
        var notCopied = dated.Skip(releases).Select(d => Path.Combine(archive, d))
            .Append(Path.Combine(from, ".noticegen-cache")).Append(Path.Combine(from, "_site")).ToList();
        CopyTree(from, to, skip: path => notCopied.Any(folder => IsUnder(path, folder)));

        // The working text of the copy is release R's, byte for byte, as if nothing had been edited since.
        var working = Path.Combine(to, "content", "fragments");
        Directory.Delete(working, recursive: true);
        CopyTree(Path.Combine(archive, dated[releases - 1], "fragments"), working, skip: _ => false);
    }

    public static void CopyTree(string from, string to, Func<string, bool> skip)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories).Where(d => !skip(d)))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => !skip(f)))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    private static bool IsUnder(string path, string folder) =>
        path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || path == folder;
}
