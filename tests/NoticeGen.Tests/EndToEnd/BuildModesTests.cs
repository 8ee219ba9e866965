using System.Security.Cryptography;
using System.Text;
using NoticeGen.Build;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.EndToEnd;

/// <summary>
/// However the build runs (one thread or all cores, with the cache cold, warm, damaged or switched off), the sample's
/// output is the same bytes; and the cache is really used, and never used for text that changed.
/// </summary>
public sealed class BuildModesTests
{
    private const string Now = "2026-11-26";

    [Fact]
    public void One_thread_all_cores_cold_warm_and_no_cache_give_the_same_bytes()
    {
        using var site = TempSite.Sample();
        var cache = Path.Combine(site.Dir, BuildRequest.CacheFolder);
        var cold = Build(site, "--drafts");
        Assert.True(Directory.EnumerateFiles(cache, "*.json", SearchOption.AllDirectories).Any(), "a build with the cache writes entries");
        var warm = Build(site, "--drafts");
        var oneThread = Build(site, "--drafts", "--threads", "1");
        var noCache = Build(site, "--drafts", "--no-cache", "--threads", "2");
        AssertSame(cold, warm);
        AssertSame(cold, oneThread);
        AssertSame(cold, noCache);
    }

    [Fact]
    public void A_damaged_cache_entry_is_rebuilt_not_trusted()
    {
        using var site = TempSite.Sample();
        var expected = Build(site, "--no-cache");
        Build(site);
        foreach (var entry in CacheEntries(site))
        {
            var bytes = File.ReadAllBytes(entry);
            bytes[^3] ^= 0x20; // the payload no longer matches the hash on the entry's first line
            File.WriteAllBytes(entry, bytes);
        }

        AssertSame(expected, Build(site));
    }

    [Fact]
    public void The_cache_is_read_and_an_edit_is_never_served_from_it()
    {
        using var site = TempSite.Sample();
        Build(site);

        // Forge every entry consistently (payload and hash): a build that reads the cache shows the forgery (the output is
        // removed, or the build would rightly leave it as it was: nothing it is made from changed)...
        Directory.Delete(site.Out, recursive: true);
        foreach (var entry in CacheEntries(site))
        {
            var payload = File.ReadAllText(entry)[65..].Replace("Kaltura is a global organization", "FORGED FROM THE CACHE", StringComparison.Ordinal);
            var bytes = Encoding.UTF8.GetBytes(payload);
            File.WriteAllText(entry, Convert.ToHexStringLower(SHA256.HashData(bytes)) + "\n" + payload);
        }

        var forged = Build(site);
        Assert.Contains("FORGED FROM THE CACHE", Encoding.UTF8.GetString(forged["websites/index.html"]));

        // ...but text that changed has a new key, so it is rendered afresh.
        site.Replace("content/fragments/shared/transfers.md", "Kaltura is a global organization", "Kaltura is a worldwide organization");
        var edited = Encoding.UTF8.GetString(Build(site, "--drafts")["websites/draft/index.html"]);
        Assert.Contains("Kaltura is a worldwide organization", edited);
        Assert.DoesNotContain("FORGED", edited);
    }

    [Fact]
    public void The_working_texts_entry_is_written_by_the_time_build_returns()
    {
        // The working text's entry is written in the background while the site is (see SiteBuilder.Render): once build has
        // returned, it is on disk and a rebuild reads it, as the forgery it then shows proves.
        using var site = TempSite.Sample();
        site.Replace("content/fragments/shared/transfers.md", "Kaltura is a global organization", "Kaltura is a worldwide organization");
        Build(site, "--drafts");
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(site.Dir, BuildRequest.CacheFolder), "*.tmp", SearchOption.AllDirectories));

        Directory.Delete(site.Out, recursive: true);
        var forgedEntries = 0;
        foreach (var entry in CacheEntries(site))
        {
            var text = File.ReadAllText(entry);
            if (!text.Contains("Kaltura is a worldwide organization", StringComparison.Ordinal))
            {
                continue;
            }

            var payload = text[65..].Replace("Kaltura is a worldwide organization", "FORGED IN THE WORKING ENTRY", StringComparison.Ordinal);
            var bytes = Encoding.UTF8.GetBytes(payload);
            File.WriteAllText(entry, Convert.ToHexStringLower(SHA256.HashData(bytes)) + "\n" + payload);
            forgedEntries++;
        }

        Assert.True(forgedEntries > 0, "the working text's rendered pages are in the cache once build returns");
        Assert.Contains("FORGED IN THE WORKING ENTRY", Encoding.UTF8.GetString(Build(site, "--drafts")["websites/draft/index.html"]));
    }

    [Fact]
    public void A_rebuild_leaves_unchanged_files_as_they_were_and_trusts_nothing_in_the_kept_output()
    {
        using var site = TempSite.Sample();
        Build(site, "--drafts");
        site.Replace("content/fragments/shared/security.md", "We take great precautions", "We take every precaution");
        Build(site, "--drafts");
        // The second build kept the first one's output for the third to write over: unchanged files stay as they are
        // (their dates too, so a deploy that syncs by date sends only what changed).
        var kept = Path.Combine(site.Dir, BuildRequest.CacheFolder, "previous-output");
        var old = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var file in Directory.EnumerateFiles(kept, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, old);
        }

        // Nothing kept is trusted: a page changed by hand (same length), a link out of the folder where a page was, a
        // stray file and a folder where a file belongs.
        var tampered = Path.Combine(kept, "platform", "index.html");
        var bytes = File.ReadAllBytes(tampered);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(tampered, bytes);
        var outside = site.PathOf("outside.html");
        File.WriteAllText(outside, "not NoticeGen's");
        File.Delete(Path.Combine(kept, "index.html"));
        File.CreateSymbolicLink(Path.Combine(kept, "index.html"), outside);
        File.WriteAllText(Path.Combine(kept, "stray.html"), "left by hand");
        File.Delete(Path.Combine(kept, "robots.txt"));
        Directory.CreateDirectory(Path.Combine(kept, "robots.txt", "inside"));

        site.Replace("content/fragments/shared/transfers.md", "Kaltura is a global organization", "Kaltura is a worldwide organization");
        var reused = Build(site, "--drafts");

        Assert.Equal("not NoticeGen's", File.ReadAllText(outside));
        Assert.Contains("Kaltura is a worldwide organization", Encoding.UTF8.GetString(reused["websites/draft/index.html"]));
        Assert.True(File.GetLastWriteTimeUtc(Path.Combine(site.Out, "websites", "draft", "index.html")) > old, "a changed page is written");
        Assert.True(File.GetLastWriteTimeUtc(Path.Combine(site.Out, "platform", "index.html")) > old, "a page changed by hand is written again");
        var untouched = Directory.EnumerateFiles(site.Out, "*", SearchOption.AllDirectories).Count(f => File.GetLastWriteTimeUtc(f) == old);
        Assert.True(untouched > reused.Count / 2, $"only {untouched} of {reused.Count} files were left as they were");
        AssertSame(Build(site, "--drafts", "--no-cache"), reused);
    }

    private static IEnumerable<string> CacheEntries(TempSite site)
    {
        var cache = Path.Combine(site.Dir, BuildRequest.CacheFolder);
        return Directory.EnumerateFiles(cache, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(Path.Combine(cache, "previous-output") + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    private static SortedDictionary<string, byte[]> Build(TempSite site, params string[] extra)
    {
        TestSupport.Cli.Build(site, ["--now", Now, .. extra]);
        return TempSite.Snapshot(site.Out);
    }

    private static void AssertSame(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        var differing = expected.Keys.Where(k => !expected[k].AsSpan().SequenceEqual(actual[k])).ToList();
        Assert.True(differing.Count == 0, "differing files: " + string.Join(", ", differing));
    }
}
