using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NoticeGen.Check;
using NoticeGen.Output;
using NoticeGen.Schemas;

namespace NoticeGen.Init;

/// <summary>
/// The site 'noticegen init' writes: the starter shipped inside the tool (site.yml, fragments, .gitignore,
/// .gitattributes, a CI workflow), the JSON Schemas its files name, a tool manifest pinned to this version and,
/// on request, a copy of the built-in theme to start a theme of one's own from.
/// </summary>
public static class StarterSite
{
    public const string ManifestPath = ".config/" + ManifestName;

    private const string ManifestName = "dotnet-tools.json";

    /// <summary>Files a repository usually has already: with --force they gain what they lack rather than being replaced.</summary>
    private static readonly string[] LineFiles = [".gitignore", ".gitattributes"];

    /// <summary>A repository's own README says more about it than the starter's would: with --force it stays.</summary>
    private static readonly string[] KeptFiles = ["README.md"];

    /// <summary>Every file of the starter site, in the order written.</summary>
    public static IReadOnlyList<StarterFile> Files(bool withTemplates)
    {
        var files = EmbeddedFiles.Under("starter/").Select(p => new StarterFile(p, EmbeddedFiles.Read("starter/" + p))).ToList();
        files.AddRange(SchemaFiles.Names.Select(n => new StarterFile($"{SchemaFiles.Folder}/{n}", SchemaFiles.Read(n))));
        files.Add(new StarterFile(ManifestPath, Encoding.UTF8.GetBytes(Manifest(null))));
        if (withTemplates)
        {
            files.AddRange(BuiltInTheme.Files.Select(f => new StarterFile($"{SiteTemplates.Folder}/{f}", BuiltInTheme.Read(f))));
        }

        return files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Writes the starter into <paramref name="dir"/>, which must be new or empty (a .git folder aside) unless
    /// <paramref name="force"/>.
    /// </summary>
    public static StarterWriteResult Write(string dir, bool force, bool withTemplates)
    {
        var where = new SourceSpan("DIR", 1, 1);
        if (File.Exists(dir))
        {
            throw new UserErrorException(Codes.OutputFolder.At(where, $"{dir} is a file, not a folder.", "Name a new or empty folder for the site: noticegen init my-notices"));
        }

        if (!force && Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any(e => Path.GetFileName(e) != ".git"))
        {
            throw new UserErrorException(Codes.OutputFolder.At(where, $"The folder {dir} is not empty.",
                "Name a new or empty folder, or pass --force to write the starter into it (files of the same name are replaced; .gitignore, .gitattributes and the tool manifest only gain the lines they lack; a README.md stays)."));
        }

        var changed = new List<string>();
        var kept = new List<string>();
        var written = new List<string>();
        foreach (var file in Files(withTemplates).Select(f => f.Path == ManifestPath ? f with { Path = ManifestIn(dir) } : f))
        {
            var path = Path.Combine(dir, file.Path.Replace('/', Path.DirectorySeparatorChar));
            var content = file.Content;
            if (File.Exists(path) && KeptFiles.Contains(file.Path))
            {
                kept.Add(file.Path);
                continue;
            }

            if (File.Exists(path))
            {
                changed.Add(file.Path);
                content = file.Path is ManifestPath or ManifestName ? Encoding.UTF8.GetBytes(Manifest(ReadManifest(path, file.Path)))
                    : LineFiles.Contains(file.Path) ? Encoding.UTF8.GetBytes(AddMissingLines(File.ReadAllText(path), Encoding.UTF8.GetString(content)))
                    : content;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
            written.Add(file.Path);
        }

        return new StarterWriteResult(written, changed, kept);
    }

    /// <summary>
    /// Where the site's tool manifest is: a repository may have one at its root already (where the .NET 10
    /// 'dotnet new tool-manifest' puts it), and 'dotnet tool restore' reads both, the root one first, so a second one
    /// in .config/ would pin nothing.
    /// </summary>
    private static string ManifestIn(string dir) =>
        File.Exists(Path.Combine(dir, ManifestName)) && !File.Exists(Path.Combine(dir, ManifestPath)) ? ManifestName : ManifestPath;

    /// <summary>A local tool manifest (what 'dotnet tool install --local' writes) with noticegen pinned to this version, beside the tools it had.</summary>
    private static string Manifest(JsonObject? existing)
    {
        var manifest = existing ?? new JsonObject { ["version"] = 1, ["isRoot"] = true };
        if (manifest["tools"] is not JsonObject tools)
        {
            manifest["tools"] = tools = new JsonObject();
        }

        tools["noticegen"] = new JsonObject
        {
            ["version"] = ToolVersion.Package,
            ["commands"] = new JsonArray("noticegen"),
            ["rollForward"] = false,
        };
        return manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static JsonObject ReadManifest(string path, string name)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException ex)
        {
            throw new UserErrorException(Codes.InvalidValue.At(SourceSpan.StartOf(name), $"The tool manifest cannot be read: {ex.Message.TrimEnd('.')}.",
                "Fix or delete it (dotnet new tool-manifest makes a new one), then run noticegen init --force again."));
        }
    }

    private static string AddMissingLines(string current, string wanted)
    {
        var have = current.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        var missing = wanted.Split('\n').Where(l => l.Trim().Length > 0 && !l.StartsWith('#') && !have.Contains(l.Trim())).ToList();
        if (missing.Count == 0)
        {
            return current;
        }

        var text = current.Length == 0 || current.EndsWith('\n') ? current : current + "\n";
        return text + "# Added by noticegen init.\n" + string.Join('\n', missing) + "\n";
    }
}
