using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using NoticeGen.Check;
using NoticeGen.Load;

namespace NoticeGen.Import;

/// <summary>
/// Every version of a file in its Git history, oldest first, following renames: <c>git log --follow</c> lists the commits
/// (with their commit date and subject) and the file's name and status in each, <c>git show COMMIT:PATH</c> gives its content.
/// </summary>
public static partial class GitHistory
{
    public static IReadOnlyList<SourceVersion> Versions(string file, string display)
    {
        var where = new SourceSpan("--git", 1, 1);
        var full = System.IO.Path.GetFullPath(file);
        var dir = System.IO.Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir))
        {
            throw new UserErrorException(Codes.ImportSource.At(where, $"The folder of {display} does not exist.", "Pass --git with the path of a file in a Git working copy."));
        }

        var top = Encoding.UTF8.GetString(Git(dir, where, display, "rev-parse", "--show-toplevel")).Trim();
        var log = Encoding.UTF8.GetString(Git(dir, where, display, "log", "--follow", "--name-status", "--format=%H %cs %s", "--", full));
        var commits = new List<Commit>();
        string? hash = null, subject = null;
        DateOnly date = default;
        foreach (var line in log.Split('\n'))
        {
            var header = Header().Match(line);
            if (header.Success && Dates.TryParse(header.Groups[2].Value, out var d))
            {
                (hash, date, subject) = (header.Groups[1].Value, d, header.Groups[3].Value.Trim());
            }
            else if (hash is not null && line.Trim().Length > 0)
            {
                // "M\tpath", "D\tpath", "R100\told\tnew": the status, and the file's name after the commit.
                var parts = line.Trim().Split('\t');
                commits.Add(new Commit(hash, date, subject!, parts[^1], parts[0].StartsWith('D')));
                hash = null;
            }
        }

        if (commits.Count == 0)
        {
            throw new UserErrorException(Codes.ImportSource.At(where, $"{display} has no history in Git (no commit holds it).",
                "Commit the file first, or import its versions from files named by date with --history."));
        }

        // git log lists the newest first (each commit before its parent); releases go oldest first.
        commits.Reverse();
        return Order(commits, display, c => Git(top, where, display, "show", $"{c.Hash}:{c.Path}"));
    }

    /// <summary>
    /// The versions to import from the commits, oldest first, as a history can hold them: a commit that deletes the file,
    /// or leaves it empty, has no page to import and is skipped; a commit dated before the one before it (a rebase, a
    /// cherry-pick, a clock set wrong) keeps its place in the history and takes that date, so it replaces it. On a date
    /// with several commits the newest wins. Each of these is said in the report, with the version it precedes.
    /// </summary>
    internal static IReadOnlyList<SourceVersion> Order(IReadOnlyList<Commit> commits, string display, Func<Commit, byte[]> content)
    {
        var files = new List<SourceFile>();
        var remarks = new Dictionary<SourceFile, List<string>>(ReferenceEqualityComparer.Instance);
        var pending = new List<string>();
        foreach (var c in commits)
        {
            var name = $"{display}@{c.Hash[..7]}";
            var what = $"{name} ({Dates.Iso(c.Date)}{(c.Subject.Length > 0 ? $", “{c.Subject}”" : string.Empty)})";
            if (c.Deleted)
            {
                pending.Add($"{what} deletes the file, so it has no version to import.");
                continue;
            }

            var bytes = content(c);
            if (IsBlank(bytes))
            {
                pending.Add($"{what} leaves the file empty, so it has no version to import.");
                continue;
            }

            var taken = c.Date;
            if (files.Count > 0 && taken < files[^1].Date!.Value)
            {
                taken = files[^1].Date!.Value;
                pending.Add($"{name} is dated {Dates.Iso(c.Date)}, before the version it follows ({files[^1].Display}, {Dates.Iso(taken)}), so it is imported as of {Dates.Iso(taken)}.");
            }

            var file = new SourceFile(name, null, bytes, System.IO.Path.GetExtension(c.Path), taken,
                $"Imported from {c.Path} as of commit {c.Hash[..7]}" + (c.Subject.Length > 0 ? $": {c.Subject}" : "."));
            files.Add(file);
            remarks[file] = [.. pending];
            pending.Clear();
        }

        if (files.Count == 0)
        {
            throw new UserErrorException(Codes.ImportSource.At(new SourceSpan("--git", 1, 1), $"No commit in the history of {display} holds a page to import: {string.Join(" ", pending)}",
                "Commit the page with its content, or import its versions from files named by date with --history."));
        }

        remarks[files[^1]].AddRange(pending); // what came after the last version (the file deleted since) is said with it
        return VersionList.Group(files).Select(v => v with
        {
            Skipped = v.Superseded.Concat(v.Files).SelectMany(f => remarks[f]).ToList(),
        }).ToList();
    }

    /// <summary>Whether a version holds nothing but white space (or a byte order mark): there is no page in it.</summary>
    private static bool IsBlank(byte[] bytes)
    {
        var text = bytes.AsSpan();
        text = text.StartsWith("\uFEFF"u8) ? text[3..] : text;
        return text.IndexOfAnyExcept(" \t\n\r\f"u8) < 0;
    }

    /// <summary>One commit of the file's history: its date, subject, the file's name in it, and whether it deletes the file.</summary>
    internal sealed record Commit(string Hash, DateOnly Date, string Subject, string Path, bool Deleted);

    private static byte[] Git(string dir, SourceSpan where, string display, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_PAGER"] = "cat";
        start.Environment["LC_ALL"] = "C";
        try
        {
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            using var output = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var message = errors.Result.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? $"exit code {process.ExitCode}";
                throw new UserErrorException(Codes.ImportSource.At(where, $"Git could not read the history of {display}: {message.TrimEnd('.')}.",
                    "Pass --git with a file inside a Git working copy (run the command where 'git log FILE' works)."));
            }

            return output.ToArray();
        }
        catch (Win32Exception ex)
        {
            throw new UserErrorException(Codes.ImportSource.At(where, $"Git could not be started: {ex.Message.TrimEnd('.')}.",
                "Install Git and make sure 'git' is on the PATH, or import versions from files named by date with --history."));
        }
    }

    [GeneratedRegex(@"^([0-9a-f]{40}) (\d{4}-\d{2}-\d{2})(?: (.*))?$")]
    private static partial Regex Header();
}
