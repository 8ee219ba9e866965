namespace NoticeGen.Tests.TestSupport;

/// <summary>A throwaway copy of a site folder (the sample, or a fixture with the real templates), deleted after the test.</summary>
public sealed class TempSite : IDisposable
{
    private TempSite(string dir)
    {
        Dir = dir;
    }

    public string Dir { get; }

    public string Out => Path.Combine(Dir, "_site");

    /// <summary>The sample site: site.yml, content/ (with its release archive) and templates/ from the repository.</summary>
    public static TempSite Sample()
    {
        var site = Create();
        File.Copy(Path.Combine(Repo.Root, "site.yml"), Path.Combine(site.Dir, "site.yml"));
        CopyDir(Path.Combine(Repo.Root, "content"), Path.Combine(site.Dir, "content"));
        CopyDir(Path.Combine(Repo.Root, "templates"), Path.Combine(site.Dir, "templates"));
        return site;
    }

    /// <summary>A fixture site under Fixtures/NAME, with the repository's templates.</summary>
    public static TempSite FromFixture(string name)
    {
        var site = Create();
        CopyDir(Repo.Fixture(name), site.Dir);
        CopyDir(Path.Combine(Repo.Root, "templates"), Path.Combine(site.Dir, "templates"));
        return site;
    }

    /// <summary>An empty folder, for commands that make a site (init).</summary>
    public static TempSite Empty() => Create();

    public string PathOf(string relative) => Path.Combine(Dir, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), text);
    }

    /// <summary>Replaces text in a file, failing the test if the text is not there (so a test cannot silently test nothing).</summary>
    public void Replace(string relative, string oldText, string newText)
    {
        var text = Read(relative);
        Assert.Contains(oldText, text);
        Write(relative, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>Every file under the output folder with its bytes, to compare whole builds.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string dir)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(dir, file).Replace('\\', '/')] = File.ReadAllBytes(file);
        }

        return files;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test on cleanup.
        }
    }

    private static TempSite Create()
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "noticegen-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return new TempSite(dir);
    }

    private static void CopyDir(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var rel = System.IO.Path.GetRelativePath(from, file);
            if (rel.Split(System.IO.Path.DirectorySeparatorChar).Contains("_site"))
            {
                continue;
            }

            var target = System.IO.Path.Combine(to, rel);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
