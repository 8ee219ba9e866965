using NoticeGen.Init;

namespace NoticeGen.Schemas;

/// <summary>
/// The JSON Schemas of site.yml and of fragment front matter (draft-07, the version YAML editors support), shipped
/// inside the tool; 'init' writes them to schemas/, and the sites' files name them in a yaml-language-server comment.
/// </summary>
public static class SchemaFiles
{
    public const string Folder = "schemas";

    public const string Site = "site.schema.json";

    public const string Fragment = "fragment.schema.json";

    /// <summary>The comment, on a YAML document's first line, that points the editor at a schema.</summary>
    public const string ModelinePrefix = "# yaml-language-server: $schema=";

    public static IReadOnlyList<string> Names => EmbeddedFiles.Under(Folder + "/");

    public static byte[] Read(string name) => EmbeddedFiles.Read($"{Folder}/{name}");

    /// <summary>The modeline for a file at <paramref name="file"/> (a path in the site, '/'-separated) naming the site's schemas/<paramref name="schema"/>.</summary>
    public static string Modeline(string file, string schema) =>
        ModelinePrefix + string.Concat(Enumerable.Repeat("../", file.Count(c => c == '/'))) + $"{Folder}/{schema}";
}
