using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using NoticeGen.Check;
using NoticeGen.Load;

namespace NoticeGen.Import;

/// <summary>
/// Every version of a file in its Git history, oldest first, following renames: <c>git log --follow</c> lists the commits
/// (with their commit date and subject) and the file's name in each, <c>git show COMMIT:PATH</c> gives its content.
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
        var log = Encoding.UTF8.GetString(Git(dir, where, display, "log", "--follow", "--name-only", "--format=%H %cs %s", "--", full));
        var commits = new List<(string Hash, DateOnly Date, string Subject, string Path)>();
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
                commits.Add((hash, date, subject!, line.Trim()));
                hash = null;
            }
        }

        if (commits.Count == 0)
        {
            throw new UserErrorException(Codes.ImportSource.At(where, $"{display} has no history in Git (no commit holds it).",
                "Commit the file first, or import its versions from files named by date with --history."));
        }

        // git log lists the newest first; releases go oldest first, and on a date with several commits the newest wins.
        commits.Reverse();
        var files = commits.Select(c => new SourceFile($"{display}@{c.Hash[..7]}", null,
            Git(top, where, display, "show", $"{c.Hash}:{c.Path}"), System.IO.Path.GetExtension(c.Path), c.Date,
            $"Imported from {c.Path} as of commit {c.Hash[..7]}" + (c.Subject.Length > 0 ? $": {c.Subject}" : "."))).ToList();
        return VersionList.Group(files);
    }

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
