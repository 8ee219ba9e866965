using NoticeGen.Output;

namespace NoticeGen.Tests.Output;

/// <summary>Links between pages are relative to the folder a page is written to, so the site works from any address.</summary>
public sealed class SiteLayoutTests
{
    [Theory]
    [InlineData("", "", "./")]
    [InlineData("", "websites/", "websites/")]
    [InlineData("websites/", "", "../")]
    [InlineData("websites/", "websites/", "./")]
    [InlineData("websites/eu/", "websites/", "../")]
    [InlineData("websites/", "websites/eu/", "eu/")]
    [InlineData("websites/eu/", "platform/eu/", "../../platform/eu/")]
    [InlineData("websites/2025-01-01/", "websites/changes/2025-01-01/", "../changes/2025-01-01/")]
    [InlineData("websites/eu/", "assets/style.css", "../../assets/style.css")]
    [InlineData("websites/", "websites/index.json", "index.json")]
    [InlineData("a/b/c/", "a/b/c/d", "d")]
    [InlineData("a/b/", "a/bc/", "../bc/")]
    [InlineData("a/b/", "a/b", "../b")]
    public void A_link_goes_up_to_the_shared_folder_and_down_to_the_target(string from, string to, string expected) =>
        Assert.Equal(expected, SiteLayout.Relative(from, to));

    [Fact]
    public void Every_pair_of_folders_and_paths_agrees_with_splitting_them_into_segments()
    {
        // The walk over both paths is checked against the plain reading it replaced, on every pair from a small alphabet.
        string[] segments = ["a", "b", "ab", "2025-01-01"];
        var folders = new List<string> { string.Empty };
        var paths = new List<string> { string.Empty };
        foreach (var x in segments)
        {
            folders.Add(x + "/");
            paths.Add(x);
            paths.Add(x + "/");
            foreach (var y in segments)
            {
                folders.Add($"{x}/{y}/");
                paths.Add($"{x}/{y}");
                paths.Add($"{x}/{y}/");
                paths.Add($"{x}/{y}/index.html");
            }
        }

        foreach (var from in folders)
        {
            foreach (var to in paths)
            {
                Assert.Equal(BySegments(from, to), SiteLayout.Relative(from, to));
            }
        }
    }

    private static string BySegments(string fromFolder, string toPath)
    {
        var from = fromFolder.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var to = toPath.Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common])
        {
            common++;
        }

        var url = string.Concat(Enumerable.Repeat("../", from.Length - common)) + string.Join('/', to[common..]);
        return url.Length == 0 ? "./" : url;
    }
}
