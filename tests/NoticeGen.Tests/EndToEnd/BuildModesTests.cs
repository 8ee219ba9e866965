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
        foreach (var entry in Directory.EnumerateFiles(Path.Combine(site.Dir, BuildRequest.CacheFolder), "*.json", SearchOption.AllDirectories))
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

        // Forge every entry consistently (payload and hash): a build that reads the cache shows the forgery...
        foreach (var entry in Directory.EnumerateFiles(Path.Combine(site.Dir, BuildRequest.CacheFolder), "*.json", SearchOption.AllDirectories))
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
