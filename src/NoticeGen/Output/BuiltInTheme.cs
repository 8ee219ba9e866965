using NoticeGen.Init;

namespace NoticeGen.Output;

/// <summary>
/// The default page templates and stylesheet, shipped inside the tool (the repository's templates/ folder, embedded):
/// a site without templates/ is published with them, and a site's templates/ replaces them file by file.
/// </summary>
public static class BuiltInTheme
{
    private const string Prefix = SiteTemplates.Folder + "/";

    /// <summary>Every file of the theme, by its path under templates/ (page.sbn, partials/head.sbn, assets/style.css).</summary>
    public static IReadOnlyList<string> Files { get; } = EmbeddedFiles.Under(Prefix);

    /// <summary>The Scriban templates, by name.</summary>
    public static IEnumerable<string> Templates => Files.Where(f => f.EndsWith(".sbn", StringComparison.Ordinal));

    /// <summary>The static files copied to the output, by their path under templates/ (assets/style.css).</summary>
    public static IEnumerable<string> Assets => Files.Where(f => f.StartsWith("assets/", StringComparison.Ordinal));

    /// <summary>How messages name a built-in file, so that an error in it is never taken for one in the site's templates/.</summary>
    public static string Origin(string name) => $"built-in:{Prefix}{name}";

    public static string ReadText(string name) => EmbeddedFiles.ReadText(Prefix + name);

    public static byte[] Read(string name) => EmbeddedFiles.Read(Prefix + name);
}
