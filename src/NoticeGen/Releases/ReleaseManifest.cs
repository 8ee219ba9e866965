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

    /// <summary>The text this manifest was read from, when it is exactly what <see cref="ToYaml"/> writes; a copy made with 'with' drops it.</summary>
    private readonly string? _written;

    private ReleaseManifest(ReleaseManifest original)
    {
        Effective = original.Effective;
        Summary = original.Summary;
        Previous = original.Previous;
        PreviousManifestSha256 = original.PreviousManifestSha256;
        Files = original.Files;
    }

    private ReleaseManifest(ReleaseManifest read, string written)
        : this(read)
    {
        _written = written;
    }

    /// <summary>The manifest as 'noticegen release' writes it.</summary>
    public string ToYaml() => _written ?? Write().ToString();

    private CanonicalYaml Write(int capacity = 4096)
    {
        var yaml = new CanonicalYaml(capacity)
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

        return yaml;
    }

    /// <summary>Reads a manifest; one that is not exactly as 'noticegen release' writes it is read as YAML, with located errors.</summary>
    public static ReleaseManifest Parse(string text, string file) => AsWritten(text) ?? ParseYaml(text, file);

    /// <summary>
    /// A manifest read line by line, taken only when <see cref="ToYaml"/> gives back exactly its text: reading 200
    /// manifests with the YAML reader was a fifth of a warm build's archive check. Anything else (edited by hand,
    /// damaged, written by another version) returns null and is read as YAML.
    /// </summary>
    private static ReleaseManifest? AsWritten(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 5 || !lines[0].StartsWith('#') || lines[^1].Length != 0)
        {
            return null;
        }

        var top = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new List<KeyValuePair<string, string>>();
        var inFiles = false;
        foreach (var line in lines.AsSpan(1, lines.Length - 2))
        {
            if (line == "files:")
            {
                inFiles = true;
            }
            else if (inFiles && line.StartsWith("  ", StringComparison.Ordinal) && Entry(line[2..]) is var (path, hash))
            {
                files.Add(new(path, hash));
            }
            else if (inFiles || Entry(line) is not var (key, value) || !top.TryAdd(key, value))
            {
                return null;
            }
        }

        if (!top.TryGetValue("effective", out var effectiveText) || !Dates.TryParse(effectiveText, out var effective)
            || !top.TryGetValue("summary", out var summary) || files.Any(f => !IsInsideFolder(f.Key)))
        {
            return null;
        }

        DateOnly? previous = null;
        if (top.TryGetValue("previous", out var previousText))
        {
            previous = Dates.TryParse(previousText, out var date) ? date : null;
        }

        var manifest = new ReleaseManifest(effective, summary, previous, top.GetValueOrDefault("previous_manifest_sha256"), files);
        return manifest.Write(text.Length).Is(text) ? new ReleaseManifest(manifest, text) : null;
    }

    /// <summary>A line "key: "value"" as CanonicalYaml writes it (the key bare or quoted); null for any other line.</summary>
    private static (string Key, string Value)? Entry(string line)
    {
        string? key;
        int rest;
        if (line.StartsWith('"'))
        {
            (key, rest) = Unquote(line, 0);
        }
        else
        {
            rest = line.IndexOf(':', StringComparison.Ordinal);
            key = rest > 0 ? line[..rest] : null;
        }

        if (key is null || rest < 0 || !line.AsSpan(rest).StartsWith(": \"", StringComparison.Ordinal))
        {
            return null;
        }

        var (value, end) = Unquote(line, rest + 2);
        // A character no site text may hold is left to the YAML reader, which refuses it at its place.
        return value is not null && end == line.Length && !key.Any(SiteFiles.IsRefused) && !value.Any(SiteFiles.IsRefused) ? (key, value) : null;
    }

    /// <summary>The double-quoted string at <paramref name="at"/> and where it ends; null for an escape CanonicalYaml does not write.</summary>
    private static (string? Value, int End) Unquote(string line, int at)
    {
        var value = new System.Text.StringBuilder();
        for (var i = at + 1; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '"':
                    return (value.ToString(), i + 1);
                case '\\' when i + 1 < line.Length:
                    i++;
                    switch (line[i])
                    {
                        case '"': value.Append('"'); break;
                        case '\\': value.Append('\\'); break;
                        case 'n': value.Append('\n'); break;
                        case 't': value.Append('\t'); break;
                        case 'r': value.Append('\r'); break;
                        case 'u' when i + 4 < line.Length && int.TryParse(line.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                            value.Append((char)code);
                            i += 4;
                            break;
                        default: return (null, -1);
                    }

                    break;
                default:
                    value.Append(line[i]);
                    break;
            }
        }

        return (null, -1);
    }

    private static ReleaseManifest ParseYaml(string text, string file)
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
