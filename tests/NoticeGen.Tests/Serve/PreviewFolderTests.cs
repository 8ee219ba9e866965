using NoticeGen.Build;
using NoticeGen.Serve;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Serve;

/// <summary>A serve session keeps the builds it serves, and one earlier build for the next to write over; nothing else.</summary>
public sealed class PreviewFolderTests
{
    [Fact]
    public void Builds_no_longer_served_are_removed_but_one_is_kept_for_the_next_build_to_write_over()
    {
        using var site = TempSite.FromFixture("mini");
        using var folder = PreviewFolder.Create(site.Dir);
        string Made(int number)
        {
            var build = Path.Combine(folder.Path, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(build);
            File.WriteAllText(Path.Combine(build, "index.html"), $"build {number}");
            return build;
        }

        Made(1);
        Made(2);
        var third = Made(3);
        var fourth = Made(4);
        folder.RemoveBuildsBefore(fourth, third);
        Assert.Equal(["3", "4", "kept"], Directory.EnumerateDirectories(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("build 1", File.ReadAllText(Path.Combine(folder.Kept, "index.html")));

        var fifth = Made(5);
        folder.RemoveBuildsBefore(fifth, fourth);
        Assert.Equal(["4", "5", "kept"], Directory.EnumerateDirectories(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("build 1", File.ReadAllText(Path.Combine(folder.Kept, "index.html")));
        Assert.StartsWith(Path.Combine(site.Dir, BuildRequest.CacheFolder, "serve"), folder.Kept, StringComparison.Ordinal);
    }
}
