using System.Collections.Concurrent;
using System.Text;
using NoticeGen.Check;
using NoticeGen.Compose;

namespace NoticeGen.Load;

/// <summary>
/// Reads the site's text files (site.yml, fragments, templates, rule files, the archive) the one way that is safe to
/// publish from: the file must lie inside the site folder once links are followed, be UTF-8 (a byte-order mark is
/// dropped), hold no control characters but tab and line ends nor NoticeGen's own marks, and not be absurdly large. Line ends become "\n".
/// </summary>
public static class SiteFiles
{
    /// <summary>A fragment is one section of a notice; 1 MB is several times the longest real privacy notice.</summary>
    public const int MaxFragmentBytes = 1 << 20;

    /// <summary>site.yml of a site with thousands of notices stays well below this.</summary>
    public const int MaxTextBytes = 8 << 20;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// A character no text of the site may hold, written or spelt as an escape: a control character other than tab and
    /// line end, a non-character (U+FFFE, U+FFFF), or one of NoticeGen's own marks (<see cref="IsMark"/>).
    /// </summary>
    public static bool IsRefused(char c) => IsInvisible(c) || IsMark(c);

    /// <summary>A control character other than tab and line end, or a non-character: no reader can see it.</summary>
    public static bool IsInvisible(char c) => (char.IsControl(c) && c is not '\n' and not '\t') || c is '\uFFFE' or '\uFFFF';

    /// <summary>The private-use characters NoticeGen marks passages and stamps with: written in text, they would forge a label or date.</summary>
    public static bool IsMark(char c) => c is Placeholders.MarkStart or Placeholders.MarkEnd;

    /// <summary>
    /// A file's bytes, never waiting on one that is not a regular file: a named pipe (or a socket) in the site folder
    /// has no length, and opening it waits for a writer for ever, so a build hung. Such a file reads as empty, and is
    /// then refused as such (a fragment without front matter, an empty site.yml) or published empty (an asset).
    /// </summary>
    public static byte[] ReadBytes(string path) => new FileInfo(path).Length == 0 ? [] : File.ReadAllBytes(path);

    /// <summary>The file's text, or null when it cannot be used (the reason is reported to <paramref name="sink"/>).</summary>
    public static string? ReadText(string siteDir, string path, DiagnosticSink sink, int maxBytes = MaxTextBytes, SiteRoot? root = null)
    {
        var rel = ContentLoader.Relative(siteDir, path);
        if (!(root ?? SiteRoot.Of(siteDir)).Contains(path))
        {
            sink.Report(Codes.OutsideSite, SourceSpan.StartOf(rel), "This file is a link to a file outside the site folder, and is not read.",
                "Replace the link with the file itself; NoticeGen publishes only what is inside the site folder.");
            return null;
        }

        var bytes = ReadBytes(path);
        if (bytes.Length > maxBytes)
        {
            sink.Report(Codes.FileEncoding, SourceSpan.StartOf(rel), $"This file is {bytes.Length / 1024.0 / 1024.0:0.0} MB, more than the {maxBytes / 1024 / 1024} MB a file may hold.",
                "Split it: a fragment is one section of a notice.");
            return null;
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || (bytes.Length >= 4 && bytes[1] == 0 && bytes[3] == 0 && bytes[0] != 0) || (bytes.Length >= 4 && bytes[0] == 0 && bytes[2] == 0 && bytes[1] != 0))
        {
            // A byte order mark (or text whose every other byte is NUL) says what it is; the UTF-8 message would blame
            // Windows-1252 for the first byte, the control-character one a NUL in the first line.
            sink.Report(Codes.FileEncoding, SourceSpan.StartOf(rel), "This file is saved as UTF-16 (or UTF-32), not UTF-8.",
                "Save the file as UTF-8 in your editor (in Notepad: Save As, Encoding: UTF-8).");
            return null;
        }

        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var bad = start + Math.Max(0, ex.Index);
            var before = Encoding.UTF8.GetString(bytes, start, Math.Min(bad, bytes.Length) - start);
            sink.Report(Codes.FileEncoding, SourceSpan.At(rel, before, before.Length),
                $"This file is not UTF-8: byte 0x{bytes[Math.Min(bad, bytes.Length - 1)]:X2} here is not a character (a file saved as Windows-1252 or Latin-1 shows 'Café' as 'Caf�').",
                "Save the file as UTF-8 in your editor, and check the characters around this place.");
            return null;
        }

        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsInvisible(c))
            {
                sink.Report(Codes.FileEncoding, SourceSpan.At(rel, text, i), $"This file holds the control character U+{(int)c:X4}{(c == '\0' ? " (NUL)" : string.Empty)}, which no reader can see.",
                    "Delete it; it usually comes from pasting out of another program.");
                return null;
            }

            if (IsMark(c))
            {
                sink.Report(Codes.FileEncoding, SourceSpan.At(rel, text, i), $"This file holds the private-use character U+{(int)c:X4}, which NoticeGen uses to mark passages and stamps: written in the text, it would print a forged \"Applies to\" label or date.",
                    "Delete it; no font shows it, so it usually comes from pasting out of another program.");
                return null;
            }
        }

        return text;
    }

    /// <summary>Whether a path, with every link on the way followed, lies inside the site folder.</summary>
    public static bool IsInside(string siteDir, string path) => SiteRoot.Of(siteDir).Contains(path);
}

/// <summary>
/// The site folder as written and with its links resolved, so that the files of a site are tested against it without
/// resolving the folder's own path again for each of them (a 1,000-notice site reads thousands of files).
/// </summary>
public sealed class SiteRoot
{
    /// <summary>More links than this on one path is a loop, as the kernel says (ELOOP).</summary>
    private const int MaxLinks = 40;

    /// <summary>Folders below the site folder (as written) and their real paths, null for a loop of links.</summary>
    private readonly ConcurrentDictionary<string, string?> _folders = new(StringComparer.Ordinal);

    private SiteRoot(string folder, string real)
    {
        Folder = folder;
        Real = real;
    }

    /// <summary>The site folder's full path as given.</summary>
    public string Folder { get; }

    /// <summary>The site folder's path with every link on it resolved.</summary>
    public string Real { get; }

    public static SiteRoot Of(string siteDir)
    {
        var folder = Path.GetFullPath(siteDir);
        return new SiteRoot(folder, RealPath(folder) ?? folder);
    }

    /// <summary>
    /// Whether a file found by listing a folder lies inside the site folder: as <see cref="Contains(string)"/>, but a file
    /// its listing shows is no link is not asked about again (a release archive of 12,000 files asked once each).
    /// </summary>
    public bool Contains(FileInfo file) => Contains(file.FullName, noLink: !file.Attributes.HasFlag(FileAttributes.ReparsePoint));

    /// <summary>Whether a path, with every link on the way followed, lies inside the site folder.</summary>
    public bool Contains(string path) => Contains(path, noLink: false);

    private bool Contains(string path, bool noLink)
    {
        var full = Path.GetFullPath(path);
        var prefix = WithSeparator(Folder);
        string? real;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
        {
            real = RealPath(full);
        }
        else
        {
            // Below the folder as written, the path resolves from the folder's real path on; each folder is resolved once,
            // as a release archive of 12,000 files asked the file system about the same folders again for every file.
            var relative = full[prefix.Length..];
            var slash = relative.LastIndexOf(Path.DirectorySeparatorChar);
            var folder = slash < 0 ? Real : _folders.GetOrAdd(relative[..slash], f => Resolve(Real, f, 0));
            real = folder is null ? null : noLink ? Path.Combine(folder, relative[(slash + 1)..]) : Resolve(folder, relative[(slash + 1)..], 0);
        }

        return real is not null && real.StartsWith(WithSeparator(Real), StringComparison.Ordinal);
    }

    /// <summary>An absolute path with every link along it resolved, as the kernel would; null for a loop of links.</summary>
    public static string? RealPathOf(string path) => RealPath(Path.GetFullPath(path));

    private static string WithSeparator(string folder) => folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

    /// <summary>An absolute path with every link along it resolved (a managed realpath); null for a loop of links.</summary>
    private static string? RealPath(string path)
    {
        var root = Path.GetPathRoot(path)!;
        return Resolve(root, path[root.Length..], 0);
    }

    /// <summary>
    /// <paramref name="relative"/> read from the real folder <paramref name="from"/>, part by part: a link is replaced by
    /// its target, itself resolved to the end (a link to a folder that holds links, a "..", another link), and ".." goes
    /// to the parent of the folder reached so far, as the kernel reads it, not of the path as written.
    /// </summary>
    private static string? Resolve(string from, string relative, int links)
    {
        var current = from;
        foreach (var part in relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            var resolved = Path.IsPathRooted(target)
                ? Resolve(Path.GetPathRoot(target)!, target[Path.GetPathRoot(target)!.Length..], links)
                : Resolve(current, target, links);
            if (resolved is null)
            {
                return null;
            }

            current = resolved;
        }

        return current;
    }
}
