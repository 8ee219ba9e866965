using System.Buffers;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NoticeGen.Build;

/// <summary>
/// A content-addressed cache of expensive results (rendered versions, redlines) in a folder of the site
/// (.noticegen-cache/, which .gitignore names). A key is a hash of everything the result depends on, including the
/// tool's own code, so an entry is never stale; each entry carries a hash of its payload, and a missing, unreadable or
/// corrupt entry is computed again and rewritten, never trusted.
/// </summary>
public sealed partial class BuildCache(string folder)
{
    /// <summary>Identifies this build of the tool and the libraries that shape its output: their module version ids change with their code.</summary>
    private static readonly string ToolId = Key([.. new[]
    {
        typeof(BuildCache).Assembly, typeof(Markdig.Markdown).Assembly, typeof(Scriban.Template).Assembly,
        typeof(DiffPlex.Differ).Assembly, typeof(AngleSharp.Html.Parser.HtmlParser).Assembly,
    }.Select(a => a.ManifestModule.ModuleVersionId.ToString("N"))]);

    // Entries being written in the background (GetOrAdd with inBackground), which Flush waits for.
    private readonly List<Task> _writing = [];

    public string Folder { get; } = folder;

    /// <summary>This build of the tool's entries: each build of the tool has a folder of its own, which the next one removes.</summary>
    private string Entries => Path.Combine(Folder, "tool-" + ToolId[..16]);

    /// <summary>
    /// Removes the entries of other builds of the tool (and of the layout before tool folders), which no build of this one
    /// can read: without this the cache grew by the site's whole history at every upgrade. Other folders (the kept output,
    /// serve's previews) are left alone.
    /// </summary>
    public void RemoveOtherVersions()
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        var own = Path.GetFileName(Entries);
        foreach (var dir in Directory.EnumerateDirectories(Folder))
        {
            var name = Path.GetFileName(dir);
            if (name != own && EntryFolder().IsMatch(name) && new DirectoryInfo(dir).LinkTarget is null)
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Another build may be using it; the next build tries again.
                }
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^(tool-[0-9a-f]{16}|[0-9a-f]{2})$")]
    private static partial System.Text.RegularExpressions.Regex EntryFolder();

    /// <summary>A hash of the parts, each kept apart from the next, so ("ab", "c") and ("a", "bc") differ.</summary>
    public static string Key(params IEnumerable<string> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The entry of <paramref name="key"/>, or <paramref name="compute"/>'s result, stored for the next build. With
    /// <paramref name="inBackground"/>, the result is stored while the caller goes on, and <see cref="Flush"/> waits for it.
    /// </summary>
    public T GetOrAdd<T>(string key, Func<T> compute, bool inBackground = false)
        where T : class
    {
        if (TryGet<T>(key) is { } cached)
        {
            return cached;
        }

        var value = compute();
        if (inBackground)
        {
            lock (_writing)
            {
                _writing.Add(Task.Run(() => Set(key, value)));
            }
        }
        else
        {
            Set(key, value);
        }

        return value;
    }

    /// <summary>Waits until every entry stored in the background is written (a write that fails is only skipped, as any cache write).</summary>
    public void Flush()
    {
        Task[] writing;
        lock (_writing)
        {
            writing = [.. _writing];
            _writing.Clear();
        }

        Task.WaitAll(writing);
    }

    /// <summary>The entry stored under <paramref name="key"/>, or null when there is none or it cannot be trusted.</summary>
    public T? TryGet<T>(string key)
        where T : class =>
        TryRead(PathOf(key), Shape<T>());

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, replacing what was there.</summary>
    public void Set<T>(string key, T value)
        where T : class =>
        Write(PathOf(key), JsonSerializer.SerializeToUtf8Bytes(value, Shape<T>()));

    private static JsonTypeInfo<T> Shape<T>() => (JsonTypeInfo<T>)Json.GetTypeInfo(typeof(T))!;

    /// <summary>
    /// The cache's JSON: HTML written as it is, not with every &lt; and &gt; escaped for a browser (no browser reads
    /// these files), which made a cached version a quarter larger and slower to read.
    /// </summary>
    private static readonly CacheJson Json = new(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private string PathOf(string key)
    {
        var entry = Key(ToolId, key);
        return Path.Combine(Entries, entry[..2], entry[2..] + ".json");
    }

    /// <remarks>
    /// The file is read into a pooled buffer: a warm build reads 200 entries of a few hundred KB each, and a fresh array
    /// for each (zeroed, on the large-object heap) cost more than parsing them.
    /// </remarks>
    private static T? TryRead<T>(string path, JsonTypeInfo<T> info)
        where T : class
    {
        byte[]? rented = null;
        try
        {
            using var handle = File.OpenHandle(path);
            var length = RandomAccess.GetLength(handle);
            if (length <= HashLine || length > Array.MaxLength)
            {
                return null;
            }

            rented = ArrayPool<byte>.Shared.Rent((int)length);
            var bytes = rented.AsSpan(0, (int)length);
            for (var read = 0; read < bytes.Length;)
            {
                var got = RandomAccess.Read(handle, bytes[read..], read);
                if (got == 0)
                {
                    return null;
                }

                read += got;
            }

            // The first line is the payload's SHA-256 in hex: a torn or edited entry is computed again.
            var payload = bytes[HashLine..];
            return bytes[HashLine - 1] == (byte)'\n' && Encoding.ASCII.GetString(bytes[..(HashLine - 1)]) == Convert.ToHexStringLower(SHA256.HashData(payload))
                ? JsonSerializer.Deserialize(payload, info)
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The length of an entry's first line, the payload's hash: 64 hex digits and a line feed.</summary>
    private const int HashLine = 65;

    /// <summary>Writes beside the entry and moves it into place, so a reader never sees half an entry; a failure only costs the next build time.</summary>
    private static void Write(string path, byte[] payload)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = File.Create(temp))
            {
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(payload)) + "\n"));
                stream.Write(payload);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing to do: a stray temporary file in the cache folder is harmless.
        }
    }
}
