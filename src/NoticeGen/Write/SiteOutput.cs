using System.Text;

namespace NoticeGen.Write;

/// <summary>The files of a finished build, by output path ("websites/california/index.html"), held until the build has succeeded.</summary>
public sealed class SiteOutput
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public void Add(string path, string text) => Add(path, Utf8.GetBytes(text));

    public void Add(string path, byte[] bytes)
    {
        if (path.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(path) || path.Contains('\\'))
        {
            throw new ArgumentException($"Output path '{path}' must stay inside the output folder.", nameof(path));
        }

        if (!_files.TryAdd(path, bytes))
        {
            throw new InvalidOperationException($"Two pages would be written to {path}.");
        }
    }
}

/// <summary>
/// Writes a build into a fresh folder beside the target and swaps it in only when complete,
/// so a failed or interrupted build leaves the previous site as it was.
/// </summary>
public static class AtomicWriter
{
    public static void Write(SiteOutput output, string outDir)
    {
        var target = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target) ?? throw new ArgumentException("The output folder cannot be the file-system root.");
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(target);
        var staging = Path.Combine(parent, $".{name}.staging-{Guid.NewGuid():N}");
        var retired = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
        try
        {
            foreach (var (path, bytes) in output.Files)
            {
                var file = Path.Combine(staging, path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, bytes);
            }

            Directory.CreateDirectory(staging);
            if (Directory.Exists(target))
            {
                Directory.Move(target, retired);
            }

            Directory.Move(staging, target);
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            if (Directory.Exists(retired) && !Directory.Exists(target))
            {
                Directory.Move(retired, target);
            }

            throw;
        }

        if (Directory.Exists(retired))
        {
            Directory.Delete(retired, recursive: true);
        }
    }
}
