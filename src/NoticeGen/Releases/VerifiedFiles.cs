using System.Collections.Concurrent;
using NoticeGen.Load;

namespace NoticeGen.Releases;

/// <summary>
/// The archive's files as the last build verified them: each file's length and last write time (to the tick) when its
/// bytes matched the hash its manifest gives. A file that still has that length and time and is listed with that hash
/// is not read again, as git trusts its index: an archive of 200 releases is 12,000 files, and reading and hashing them
/// all was most of a build that had nothing else to do. Any edit of a file changes its write time; a fresh checkout (as
/// in CI) gives every file a new one, and <c>--no-cache</c> keeps no record, so both verify every byte.
/// </summary>
public sealed class VerifiedFiles
{
    /// <summary>A file written this recently may be written again within the file system's clock tick, keeping its time.</summary>
    private static readonly long RacyTicks = TimeSpan.FromSeconds(2).Ticks;

    private readonly IReadOnlyDictionary<string, VerifiedFile> _before;
    private readonly ConcurrentDictionary<string, VerifiedFile> _now = new(StringComparer.Ordinal);
    private int _hashed;

    public VerifiedFiles(IEnumerable<VerifiedFile>? before = null)
    {
        var known = new Dictionary<string, VerifiedFile>(StringComparer.Ordinal);
        foreach (var file in before ?? [])
        {
            known[file.Path] = file;
        }

        _before = known;
    }

    /// <summary>Whether this build read a file the record did not vouch for, or the record holds files this build did not see.</summary>
    public bool Changed => _hashed > 0 || _now.Count != _before.Count;

    /// <summary>Every file verified (or vouched for) by this build, in path order: the record the next build starts from.</summary>
    public IReadOnlyList<VerifiedFile> Now => [.. _now.Values.OrderBy(f => f.Path, StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="file"/> holds the bytes of <paramref name="hash"/>: vouched for by the record, else read and hashed.</summary>
    public bool Matches(FileInfo file, string hash)
    {
        var length = file.Length;
        var written = file.LastWriteTimeUtc.Ticks;
        if (_before.TryGetValue(file.FullName, out var known) && known.Length == length && known.Written == written && known.Sha256 == hash)
        {
            _now[file.FullName] = known;
            return true;
        }

        if (ReleaseManifest.Sha256(SiteFiles.ReadBytes(file.FullName)) != hash)
        {
            return false;
        }

        // A file written in the last seconds could be written again within the file system's clock tick, keeping its time
        // (git calls this "racy"): it is verified again by the next build rather than vouched for.
        if (DateTime.UtcNow.Ticks - written > RacyTicks)
        {
            _now[file.FullName] = new VerifiedFile(file.FullName, length, written, hash);
        }

        Interlocked.Increment(ref _hashed);
        return true;
    }
}

/// <summary>One archived file as a build found it matching its manifest: full path, length, last write time in ticks, SHA-256.</summary>
public sealed record VerifiedFile(string Path, long Length, long Written, string Sha256);
