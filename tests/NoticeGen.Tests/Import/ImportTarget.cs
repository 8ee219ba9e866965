using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Import;

/// <summary>
/// A temporary folder to import into, holding templates of its own as a team's site folder may (the import builds the
/// pages with them to compare them with the source), so imports pass --force.
/// </summary>
public sealed class ImportTarget : IDisposable
{
    public ImportTarget(bool templates = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "noticegen-import-test-" + Guid.NewGuid().ToString("N"));
        Dir = Path.Combine(Root, "site");
        Directory.CreateDirectory(Dir);
        if (templates)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "templates"), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(Dir, "templates", Path.GetRelativePath(Path.Combine(Repo.Root, "templates"), file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }

    /// <summary>The folder around the site: the importer stages next to the site, so nothing may be left here.</summary>
    public string Root { get; }

    public string Dir { get; }

    public string Out => Path.Combine(Dir, "_site");

    public CliResult Import(params string[] args) => TestSupport.Cli.Run(["import", .. args, "--into", Dir, "--force"]);

    public CliResult Build(string now)
    {
        var result = TestSupport.Cli.Run("build", "--site", Dir, "--out", Out, "--now", now);
        Assert.True(result.ExitCode == 0, $"build failed ({result.ExitCode}):\n{result.Stderr}");
        return result;
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Dir, relative));

    public AngleSharp.Dom.IDocument Page(string path) => Html.Load(Path.Combine(Out, path, "index.html"));

    /// <summary>Every file under the folder, relative, to prove that a failed import wrote nothing.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f)).Order(StringComparer.Ordinal).ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test on cleanup.
        }
    }
}
