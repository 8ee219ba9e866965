using System.Text;

using NoticeGen.Check;

namespace NoticeGen.Output;

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
    /// <summary>A file in every output folder, so that a build only ever replaces a folder that an earlier build made.</summary>
    public const string Marker = ".noticegen-output";

    public static void Write(SiteOutput output, string outDir, string siteDir)
    {
        var target = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);
        CheckTarget(target, Path.GetFullPath(siteDir).TrimEnd(Path.DirectorySeparatorChar));
        var parent = Path.GetDirectoryName(target)!;
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
            File.WriteAllText(Path.Combine(staging, Marker), "Written by NoticeGen. This folder is replaced on every build: keep nothing else in it.\n");
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

    /// <summary>Refuses to replace anything that is not an earlier build: the site itself, a folder holding it, a file, or a folder of other files.</summary>
    private static void CheckTarget(string target, string site)
    {
        var where = new SourceSpan("--out", 1, 1);
        if (Path.GetDirectoryName(target) is null)
        {
            throw new UserErrorException(Diagnostic.Error(where, "The output folder cannot be the file-system root.", "Pass --out with a folder of its own, e.g. _site."));
        }

        if (target == site || site.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new UserErrorException(Diagnostic.Error(where, $"The output folder {target} holds the site itself, and a build replaces it whole.",
                "Pass --out with a folder of its own, e.g. _site."));
        }

        if (File.Exists(target))
        {
            throw new UserErrorException(Diagnostic.Error(where, $"{target} is a file, not a folder.", "Pass --out with a folder, e.g. _site."));
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !File.Exists(Path.Combine(target, Marker)))
        {
            throw new UserErrorException(Diagnostic.Error(where, $"{target} holds files that NoticeGen did not write, and a build replaces the folder whole.",
                "Pass --out with a new or empty folder, or one an earlier build wrote."));
        }
    }
}
