using NoticeGen.Serve;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Serve;

/// <summary>The watcher reports the files a build reads by their path in the site, and not editors' scratch files nor the output.</summary>
public sealed class SiteWatcherTests
{
    [Theory]
    [InlineData(".contact.md.swp", true)]
    [InlineData("4913", true)]
    [InlineData("contact.md~", true)]
    [InlineData(".#contact.md", true)]
    [InlineData("#contact.md#", true)]
    [InlineData("contact.md___jb_tmp___", true)]
    [InlineData("sedAb12Cd", true)]
    [InlineData(".DS_Store", true)]
    [InlineData("contact.md", false)]
    [InlineData("page.sbn", false)]
    [InlineData("gdpr.yml", false)]
    [InlineData("sediment.md", false)]
    public void Scratch_files_are_told_from_the_site_s_own(string name, bool scratch) =>
        Assert.Equal(scratch, SiteWatcher.IsScratch(name));

    [Fact]
    public async Task Edits_to_fragments_templates_and_site_yml_are_reported_and_output_and_scratch_files_are_not()
    {
        using var site = TempSite.FromFixture("mini");
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var watcher = new SiteWatcher(site.Dir, seen.Enqueue);

        site.Write("_site/index.html", "built");
        site.Write(".noticegen-cache/x.json", "{}");
        site.Write("content/.contact.md.swp", "swap");
        site.Replace("content/contact.md", "Write to", "Please write to");
        site.Replace("templates/page.sbn", "</main>", "</main>\n");
        site.Replace("site.yml", "title: Mini", "title: Mini site");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < deadline && !new[] { "content/contact.md", "templates/page.sbn", "site.yml" }.All(seen.Contains))
        {
            await Task.Delay(50);
        }

        Assert.Contains("content/contact.md", seen);
        Assert.Contains("templates/page.sbn", seen);
        Assert.Contains("site.yml", seen);
        await Task.Delay(300);
        Assert.DoesNotContain(seen, p => p.StartsWith("_site", StringComparison.Ordinal) || p.StartsWith(".noticegen-cache", StringComparison.Ordinal) || p.EndsWith(".swp", StringComparison.Ordinal));
    }
}
