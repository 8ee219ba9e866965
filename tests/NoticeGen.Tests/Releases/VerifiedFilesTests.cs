using NoticeGen.Releases;

namespace NoticeGen.Tests.Releases;

/// <summary>The archive is read and hashed once per file version: the next build vouches for files not written since.</summary>
public sealed class VerifiedFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("noticegen-verified-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_file_not_written_since_it_was_verified_is_vouched_for_without_reading_it()
    {
        var file = Archived("contact.md", "Write to 860 Broadway.");
        var hash = ReleaseManifest.Sha256(File.ReadAllBytes(file.FullName));
        var first = new VerifiedFiles();
        Assert.True(first.Matches(file, hash));
        Assert.True(first.Changed);

        var second = new VerifiedFiles(first.Now);
        Assert.True(second.Matches(new FileInfo(file.FullName), hash));
        Assert.False(second.Changed);
        Assert.Equal(first.Now, second.Now);
    }

    [Fact]
    public void An_edit_of_the_same_length_is_read_and_caught()
    {
        var file = Archived("contact.md", "Write to 860 Broadway.");
        var hash = ReleaseManifest.Sha256(File.ReadAllBytes(file.FullName));
        var first = new VerifiedFiles();
        Assert.True(first.Matches(file, hash));

        File.WriteAllText(file.FullName, "Write to 861 Broadway.");
        var second = new VerifiedFiles(first.Now);

        Assert.False(second.Matches(new FileInfo(file.FullName), hash));
    }

    [Fact]
    public void The_record_vouches_only_for_the_hash_it_saw()
    {
        var file = Archived("contact.md", "Write to 860 Broadway.");
        var hash = ReleaseManifest.Sha256(File.ReadAllBytes(file.FullName));
        var first = new VerifiedFiles();
        Assert.True(first.Matches(file, hash));

        // A manifest that now lists another hash for the file is checked against the bytes, not the record.
        Assert.False(new VerifiedFiles(first.Now).Matches(new FileInfo(file.FullName), new string('0', 64)));
    }

    [Fact]
    public void A_file_written_moments_ago_is_verified_again_next_time()
    {
        var file = new FileInfo(Path.Combine(_dir, "fresh.md"));
        File.WriteAllText(file.FullName, "Just written.");
        var hash = ReleaseManifest.Sha256(File.ReadAllBytes(file.FullName));
        var first = new VerifiedFiles();

        Assert.True(first.Matches(file, hash));
        Assert.Empty(first.Now);
    }

    /// <summary>A file as a release left it: written a while ago.</summary>
    private FileInfo Archived(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
        return new FileInfo(path);
    }
}
