using System.Reflection;
using System.Text;

namespace NoticeGen.Init;

/// <summary>
/// Files shipped inside the tool as embedded resources named by their path ("templates/partials/head.sbn",
/// "schemas/site.schema.json", "starter/site.yml"): the built-in theme, the schemas and the starter site.
/// </summary>
public static class EmbeddedFiles
{
    private static readonly Assembly Assembly = typeof(EmbeddedFiles).Assembly;

    /// <summary>Resource names keyed by their path with '/' separators: MSBuild writes '\' into the names on Windows.</summary>
    private static readonly IReadOnlyDictionary<string, string> Names = Assembly.GetManifestResourceNames()
        .ToDictionary(n => n.Replace('\\', '/'), n => n, StringComparer.Ordinal);

    /// <summary>The paths of the embedded files under <paramref name="folder"/> ("templates/"), in ordinal order, each relative to it.</summary>
    public static IReadOnlyList<string> Under(string folder) => Names.Keys
        .Where(k => k.StartsWith(folder, StringComparison.Ordinal))
        .Select(k => k[folder.Length..])
        .Order(StringComparer.Ordinal)
        .ToList();

    public static byte[] Read(string path)
    {
        using var stream = Open(path);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The file as text: UTF-8, line ends as "\n" whatever the checkout did to them.</summary>
    public static string ReadText(string path) =>
        Encoding.UTF8.GetString(Read(path)).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);

    private static Stream Open(string path) =>
        (Names.TryGetValue(path, out var name) ? Assembly.GetManifestResourceStream(name) : null)
        ?? throw new InvalidOperationException($"The file {path} is missing from the NoticeGen assembly; the build that made it did not embed it.");
}
