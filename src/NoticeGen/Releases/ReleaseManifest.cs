using System.Globalization;
using System.Security.Cryptography;
using NoticeGen.Check;
using NoticeGen.Load;

namespace NoticeGen.Releases;

/// <summary>
/// The manifest of one release (release.yml): its effective date and summary, a SHA-256 of every file in the snapshot,
/// and a SHA-256 of the previous release's manifest, so that history cannot be rewritten unnoticed.
/// </summary>
public sealed record ReleaseManifest(
    DateOnly Effective,
    string Summary,
    DateOnly? Previous,
    string? PreviousManifestSha256,
    IReadOnlyList<KeyValuePair<string, string>> Files)
{
    public const string FileName = "release.yml";

    public string ToYaml()
    {
        var yaml = new CanonicalYaml()
            .Comment("NoticeGen release manifest, written by 'noticegen release'. Do not edit: the build checks every hash.")
            .Scalar(0, "effective", Dates.Iso(Effective))
            .Scalar(0, "summary", Summary);
        if (Previous is { } previous)
        {
            yaml.Scalar(0, "previous", Dates.Iso(previous)).Scalar(0, "previous_manifest_sha256", PreviousManifestSha256 ?? string.Empty);
        }

        yaml.Key(0, "files");
        foreach (var (path, hash) in Files)
        {
            yaml.Scalar(2, path, hash);
        }

        return yaml.ToString();
    }

    public static ReleaseManifest Parse(string text, string file)
    {
        var root = YamlRead.Mapping(SafeYaml.Parse(text, file), file, SourceSpan.StartOf(file));
        var effective = ReadDate(root, "effective", file) ?? throw Missing(file, "effective");
        var summary = YamlRead.OptionalString(root, "summary") ?? throw Missing(file, "summary");
        var entries = YamlRead.Mapping(root.Get("files"), "'files'", SourceSpan.StartOf(file)).Entries;
        if (entries.FirstOrDefault(e => !IsInsideFolder(e.Key.Value)).Key is { } outside)
        {
            // Read as written, such a name was reported as a missing file at a place outside the archive (even the
            // site's own site.yml), which sent the reader to the wrong file.
            throw new UserErrorException(Codes.ArchiveLayout.At(outside.Where, $"The manifest lists '{outside.Value}', which is not a file inside this release's folder.",
                "Restore this manifest from version control; it is written by 'noticegen release'."));
        }

        var files = entries.Select(e => new KeyValuePair<string, string>(e.Key.Value, (e.Value as YScalar)?.Value ?? string.Empty)).ToList();
        return new ReleaseManifest(effective, summary, ReadDate(root, "previous", file), YamlRead.OptionalString(root, "previous_manifest_sha256"), files);
    }

    /// <summary>Whether a listed name is a relative path below the release folder, as 'noticegen release' writes them.</summary>
    private static bool IsInsideFolder(string path) =>
        path.Length > 0 && !path.Contains('\\') && !Path.IsPathRooted(path) && !path.Contains(':')
        && path.Split('/').All(segment => segment is not ("" or "." or ".."));

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static DateOnly? ReadDate(YMapping map, string key, string file)
    {
        var value = YamlRead.OptionalString(map, key);
        if (value is null)
        {
            return null;
        }

        return Dates.TryParse(value, out var date)
            ? date
            : throw new UserErrorException(Codes.ArchiveLayout.At(map.Get(key)!.Where, $"'{value}' is not a date in the form YYYY-MM-DD.",
                "Restore this manifest from version control; it is written by 'noticegen release'."));
    }

    private static UserErrorException Missing(string file, string key) =>
        new(Codes.ArchiveLayout.At(SourceSpan.StartOf(file), $"The release manifest has no '{key}'.",
            "Restore this manifest from version control; it is written by 'noticegen release'."));
}
