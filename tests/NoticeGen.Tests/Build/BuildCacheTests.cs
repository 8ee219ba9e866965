using NoticeGen.Build;

namespace NoticeGen.Tests.Build;

/// <summary>The cache returns what was stored for a key, and never trusts an entry it cannot verify.</summary>
public sealed class BuildCacheTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "noticegen-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Keys_keep_their_parts_apart()
    {
        Assert.NotEqual(BuildCache.Key("ab", "c"), BuildCache.Key("a", "bc"));
        Assert.Equal(BuildCache.Key("a", "b"), BuildCache.Key("a", "b"));
    }

    [Fact]
    public void An_entry_is_computed_once_then_read_back()
    {
        var cache = new BuildCache(_dir);
        var computed = 0;
        CachedVersion Compute()
        {
            computed++;
            return new CachedVersion("<p>intro</p>", [string.Empty, "<p>a</p>"], [new CachedPage("web", "all", 0, [1], [[]])], []);
        }

        var first = cache.GetOrAdd("k", Compute);
        var second = new BuildCache(_dir).GetOrAdd("k", Compute);
        Assert.Equal(1, computed);
        Assert.Equal(first.Pages[0].Sections, second.Pages[0].Sections);
        Assert.Equal("<p>intro</p>", second.IntroHtml);
    }

    [Fact]
    public void An_entry_stored_in_the_background_is_on_disk_once_flushed()
    {
        var cache = new BuildCache(_dir);
        var value = cache.GetOrAdd("working", () => new CachedVersion("<p>draft</p>", [string.Empty], [], []), inBackground: true);
        cache.Flush();

        Assert.Equal("<p>draft</p>", value.IntroHtml);
        var read = new BuildCache(_dir).TryGet<CachedVersion>("working");
        Assert.NotNull(read);
        Assert.Equal("<p>draft</p>", read.IntroHtml);
        Assert.Empty(Directory.EnumerateFiles(_dir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_corrupt_or_truncated_entry_is_computed_again_and_rewritten()
    {
        var cache = new BuildCache(_dir);
        cache.GetOrAdd("k", () => new CachedVersion("<p>right</p>", [], [], []));
        var entry = Directory.EnumerateFiles(_dir, "*.json", SearchOption.AllDirectories).Single();
        var good = File.ReadAllBytes(entry);

        foreach (var damage in new Func<byte[], byte[]>[]
                 {
                     bytes => bytes.Select((b, i) => i == bytes.Length - 5 ? (byte)(b ^ 1) : b).ToArray(), // one flipped bit
                     bytes => bytes[..(bytes.Length / 2)],                                                  // cut short
                     _ => [],                                                                               // empty
                 })
        {
            File.WriteAllBytes(entry, damage(good));
            var computed = false;
            var value = cache.GetOrAdd("k", () =>
            {
                computed = true;
                return new CachedVersion("<p>right</p>", [], [], []);
            });
            Assert.True(computed);
            Assert.Equal("<p>right</p>", value.IntroHtml);
            Assert.Equal(good, File.ReadAllBytes(entry));
        }
    }

    [Fact]
    public void Entries_of_other_builds_of_the_tool_are_removed_and_other_folders_kept()
    {
        var cache = new BuildCache(_dir);
        cache.Set(BuildCache.Key("kept"), new CachedVersion("<p>intro</p>", [], [], []));
        var older = Path.Combine(_dir, "tool-0123456789abcdef", "ab");
        var oldLayout = Path.Combine(_dir, "cd");
        var kept = Path.Combine(_dir, "previous-output");
        var serve = Path.Combine(_dir, "serve");
        foreach (var dir in new[] { older, oldLayout, kept, serve })
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "x.json"), "{}");
        }

        cache.RemoveOtherVersions();

        Assert.False(Directory.Exists(Path.Combine(_dir, "tool-0123456789abcdef")), "another build's entries are removed");
        Assert.False(Directory.Exists(oldLayout), "entries of the layout before tool folders are removed");
        Assert.True(File.Exists(Path.Combine(kept, "x.json")));
        Assert.True(File.Exists(Path.Combine(serve, "x.json")));
        Assert.NotNull(cache.TryGet<CachedVersion>(BuildCache.Key("kept")));
    }
}
