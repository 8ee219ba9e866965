using NoticeGen.Output;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Output;

/// <summary>Output appears whole or not at all: a failed write leaves the previous site in place.</summary>
public sealed class StagingFolderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "noticegen-write-" + Guid.NewGuid().ToString("N"));

    private string Site => Path.Combine(_dir, "site");

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void A_new_build_replaces_the_old_one_entirely()
    {
        var target = Path.Combine(_dir, "_site");
        Write(target, ("old.html", "old"));
        Write(target, ("a/index.html", "new"));
        Assert.False(File.Exists(Path.Combine(target, "old.html")));
        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "a", "index.html")));
        Assert.Equal(["_site"], Directory.EnumerateFileSystemEntries(_dir).Select(Path.GetFileName));
        Assert.True(File.Exists(Path.Combine(target, StagingFolder.Marker)));
    }

    [Fact]
    public void A_failed_write_leaves_the_previous_output_and_no_staging_folder()
    {
        var target = Path.Combine(_dir, "_site");
        Write(target, ("index.html", "previous"));

        Assert.ThrowsAny<IOException>(() => Write(target, ("index.html", "next"), ("index.html/inside", "a file cannot also be a folder")));
        Assert.Equal("previous", File.ReadAllText(Path.Combine(target, "index.html")));
        Assert.Equal(["_site"], Directory.EnumerateFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_previous_output_left_aside_by_a_killed_build_is_put_back()
    {
        var target = Path.Combine(_dir, "_site");
        Write(target, ("index.html", "previous"));
        // A build killed between moving the old output aside and moving the new one in.
        Directory.Move(target, Path.Combine(_dir, "._site.old-0123456789abcdef"));
        using (new StagingFolder(target, Site))
        {
            Assert.Equal("previous", File.ReadAllText(Path.Combine(target, "index.html")));
        }

        Assert.Equal(["_site"], Directory.EnumerateFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Output_paths_cannot_leave_the_output_folder_and_are_written_once()
    {
        using var files = new StagingFolder(Path.Combine(_dir, "_site"), Site);
        Assert.Throws<ArgumentException>(() => files.Write("../escape.html", "x"));
        Assert.Throws<ArgumentException>(() => files.Write("/etc/escape.html", "x"));
        files.Write("a.html", "x");
        Assert.Throws<InvalidOperationException>(() => files.Write("a.html", "y"));
    }

    [Fact]
    public void Many_threads_writing_into_the_same_new_folders_all_succeed()
    {
        // Emitters run side by side and write into one page's folder at once (its page, its twin, its feed): a thread must
        // never write into a folder that another thread has only begun to make.
        var target = Path.Combine(_dir, "_site");
        using (var files = new StagingFolder(target, Site))
        {
            Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => files.Write($"n{i / 40}/a{i / 8 % 5}/f{i % 8}.txt", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            files.Commit();
        }

        Assert.Equal(4000, Directory.EnumerateFiles(target, "f*.txt", SearchOption.AllDirectories).Count());
        Assert.Equal("3999", File.ReadAllText(Path.Combine(target, "n99", "a4", "f7.txt")));
    }

    [Fact]
    public void A_build_that_never_commits_leaves_nothing_behind()
    {
        var target = Path.Combine(_dir, "_site");
        Write(target, ("index.html", "previous"));
        using (var files = new StagingFolder(target, Site))
        {
            files.Write("index.html", "half a build");
        }

        Assert.Equal("previous", File.ReadAllText(Path.Combine(target, "index.html")));
        Assert.Equal(["_site"], Directory.EnumerateFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void It_refuses_to_replace_a_folder_it_did_not_write_or_the_site_itself()
    {
        var precious = Path.Combine(_dir, "precious");
        Directory.CreateDirectory(precious);
        File.WriteAllText(Path.Combine(precious, "notes.txt"), "keep me");

        var foreign = Assert.Throws<NoticeGen.Check.UserErrorException>(() => Write(precious, ("index.html", "x")));
        Assert.Contains("holds files that NoticeGen did not write", foreign.Diagnostics[0].Message);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(precious, "notes.txt")));

        var site = Assert.Throws<NoticeGen.Check.UserErrorException>(() => Write(_dir, ("index.html", "x")));
        Assert.Contains("holds the site itself", site.Diagnostics[0].Message);
        Assert.Equal("--out:1:1", site.Diagnostics[0].Where.ToString());
    }

    [Fact]
    public void A_kept_output_is_written_over_and_the_output_it_replaces_is_kept_in_turn()
    {
        var target = Path.Combine(_dir, "_site");
        var kept = Path.Combine(_dir, "cache", "previous-output");
        Write(target, kept, ("index.html", "first"));
        Assert.False(Directory.Exists(kept), "there was no output to keep");
        Write(target, kept, ("index.html", "second"));
        Assert.Equal("first", File.ReadAllText(Path.Combine(kept, "index.html")));

        // What the kept folder holds beside the next build's files: a file where it needs a folder, a folder where it
        // needs a file, an empty folder, and a file it no longer writes (with the folder that held it).
        File.WriteAllText(Path.Combine(kept, "a"), "a file in the way");
        Directory.CreateDirectory(Path.Combine(kept, "b.html", "deep"));
        File.WriteAllText(Path.Combine(kept, "b.html", "deep", "x.html"), "x");
        Directory.CreateDirectory(Path.Combine(kept, "empty", "er"));
        Directory.CreateDirectory(Path.Combine(kept, "gone"));
        File.WriteAllText(Path.Combine(kept, "gone", "page.html"), "stale");
        using (var staging = new StagingFolder(target, Site, kept: kept))
        {
            staging.Write("index.html", "first");
            staging.Write("a/b/index.html", "ab");
            staging.Write("b.html", "b");
            Assert.Equal(1, staging.Unchanged);
            staging.Commit();
        }

        Assert.Equal([StagingFolder.Marker, "a/b/index.html", "b.html", "index.html"], TempSite.Snapshot(target).Keys);
        Assert.Equal([StagingFolder.Marker, "a", "b.html", "index.html"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("second", File.ReadAllText(Path.Combine(kept, "index.html")));
        Assert.Equal(["_site", "cache"], Directory.EnumerateFileSystemEntries(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_build_that_fails_over_a_kept_output_leaves_the_output_and_keeps_its_folder_for_the_next()
    {
        var target = Path.Combine(_dir, "_site");
        var kept = Path.Combine(_dir, "cache", "previous-output");
        Write(target, kept, ("index.html", "first"));
        Write(target, kept, ("index.html", "second"));
        using (var staging = new StagingFolder(target, Site, kept: kept))
        {
            staging.Write("index.html", "half a build");
            Assert.False(Directory.Exists(kept), "the build took the kept folder as its own");
        }

        Assert.Equal("second", File.ReadAllText(Path.Combine(target, "index.html")));
        Assert.Equal("half a build", File.ReadAllText(Path.Combine(kept, "index.html")));
        Assert.Equal(["_site", "cache"], Directory.EnumerateFileSystemEntries(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        Write(target, kept, ("index.html", "third"));
        Assert.Equal([StagingFolder.Marker, "index.html"], TempSite.Snapshot(target).Keys);
        Assert.Equal("third", File.ReadAllText(Path.Combine(target, "index.html")));
    }

    [Fact]
    public void A_link_in_place_of_the_kept_output_is_never_written_through()
    {
        var precious = Path.Combine(_dir, "precious");
        Directory.CreateDirectory(precious);
        File.WriteAllText(Path.Combine(precious, "notes.txt"), "keep me");
        var kept = Path.Combine(_dir, "cache", "previous-output");
        Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
        Directory.CreateSymbolicLink(kept, precious);

        Write(Path.Combine(_dir, "_site"), kept, ("index.html", "x"));

        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(precious).Select(Path.GetFileName));
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(precious, "notes.txt")));
    }

    [Fact]
    public void A_kept_file_that_shares_its_data_with_another_is_replaced_not_written_through()
    {
        var target = Path.Combine(_dir, "_site");
        var kept = Path.Combine(_dir, "cache", "previous-output");
        Write(target, kept, ("index.html", "first"));
        Write(target, kept, ("index.html", "second"));
        var precious = Path.Combine(_dir, "precious.txt");
        File.WriteAllText(precious, "keep me");
        File.Delete(Path.Combine(kept, "index.html"));
        using (var ln = System.Diagnostics.Process.Start("ln", [precious, Path.Combine(kept, "index.html")]))
        {
            ln.WaitForExit();
            Assert.Equal(0, ln.ExitCode);
        }

        Write(target, kept, ("index.html", "third"));
        Assert.Equal("keep me", File.ReadAllText(precious));
        Assert.Equal("third", File.ReadAllText(Path.Combine(target, "index.html")));
    }

    private void Write(string target, params (string Path, string Text)[] files) => Write(target, null, files);

    private void Write(string target, string? kept, params (string Path, string Text)[] files)
    {
        using var staging = new StagingFolder(target, Site, kept: kept);
        foreach (var (path, text) in files)
        {
            staging.Write(path, text);
        }

        staging.Commit();
    }
}
