using NoticeGen.Output;

namespace NoticeGen.Tests.Output;

/// <summary>Output appears whole or not at all: a failed write leaves the previous site in place.</summary>
public sealed class AtomicWriterTests : IDisposable
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
        var first = new SiteOutput();
        first.Add("old.html", "old");
        AtomicWriter.Write(first, target, Site);
        var second = new SiteOutput();
        second.Add("a/index.html", "new");
        AtomicWriter.Write(second, target, Site);
        Assert.False(File.Exists(Path.Combine(target, "old.html")));
        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "a", "index.html")));
        Assert.Equal(["_site"], Directory.EnumerateFileSystemEntries(_dir).Select(Path.GetFileName));
        Assert.True(File.Exists(Path.Combine(target, AtomicWriter.Marker)));
    }

    [Fact]
    public void A_failed_write_leaves_the_previous_output_and_no_staging_folder()
    {
        var target = Path.Combine(_dir, "_site");
        var first = new SiteOutput();
        first.Add("index.html", "previous");
        AtomicWriter.Write(first, target, Site);

        var broken = new SiteOutput();
        broken.Add("index.html", "next");
        broken.Add("index.html/inside", "a file cannot also be a folder");
        Assert.ThrowsAny<IOException>(() => AtomicWriter.Write(broken, target, Site));
        Assert.Equal("previous", File.ReadAllText(Path.Combine(target, "index.html")));
        Assert.Equal(["_site"], Directory.EnumerateFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Output_paths_cannot_leave_the_output_folder()
    {
        Assert.Throws<ArgumentException>(() => new SiteOutput().Add("../escape.html", "x"));
    }

    [Fact]
    public void It_refuses_to_replace_a_folder_it_did_not_write_or_the_site_itself()
    {
        var output = new SiteOutput();
        output.Add("index.html", "x");
        var precious = Path.Combine(_dir, "precious");
        Directory.CreateDirectory(precious);
        File.WriteAllText(Path.Combine(precious, "notes.txt"), "keep me");

        var foreign = Assert.Throws<NoticeGen.Check.UserErrorException>(() => AtomicWriter.Write(output, precious, Site));
        Assert.Contains("holds files that NoticeGen did not write", foreign.Diagnostics[0].Message);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(precious, "notes.txt")));

        var site = Assert.Throws<NoticeGen.Check.UserErrorException>(() => AtomicWriter.Write(output, _dir, Site));
        Assert.Contains("holds the site itself", site.Diagnostics[0].Message);
        Assert.Equal("--out:1:1", site.Diagnostics[0].Where.ToString());
    }
}
