using System.Diagnostics;
using System.Text;

namespace NoticeGen.Tests.Hostile;

/// <summary>
/// YAML that asks a loader to build objects (type tags), or to grow a few lines into gigabytes (aliases, deep nesting,
/// huge collections), is refused at the first place it does so, quickly, in site.yml and front matter alike.
/// </summary>
public sealed class YamlBombTests : IDisposable
{
    private readonly HostileSite _hostile = new();

    public void Dispose() => _hostile.Dispose();

    [Theory]
    [InlineData("title: !!python/object/apply:os.system [\"rm -rf /\"]", "content/covers.md:3:8: error: YAML type tags (tag:yaml.org,2002:python/object/apply:os.system) are not allowed")]
    [InlineData("title: !!binary aGVsbG8=", "content/covers.md:3:8: error: YAML type tags (tag:yaml.org,2002:binary) are not allowed")]
    [InlineData("title: What\nparams:\n  n: !!int 3", "content/covers.md:5:6: error: YAML type tags (tag:yaml.org,2002:int) are not allowed")]
    [InlineData("title: !<tag:clarkevans.com,2002:invoice> x", "content/covers.md:3:8: error: YAML type tags (tag:clarkevans.com,2002:invoice) are not allowed")]
    [InlineData("title: !custom x", "content/covers.md:3:8: error: YAML type tags (!custom) are not allowed")]
    public void Type_tags_are_refused(string lines, string expected)
    {
        _hostile.Site.Write(HostileSite.Covers, "---\nid: covers\n" + lines + "\n---\nText.\n");
        _hostile.Refused(expected, "[NG1002]");
    }

    [Fact]
    public void A_billion_laughs_is_refused_at_its_first_anchor()
    {
        var bomb = new StringBuilder("lol0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var i = 1; i < 10; i++)
        {
            bomb.Append($"lol{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        var lines = _hostile.Site.Read("site.yml").Split('\n').Length;
        _hostile.Site.Write("site.yml", _hostile.Site.Read("site.yml") + bomb);
        Fast(() => _hostile.Refused($"site.yml:{lines}:7: error: YAML anchors (&a0) are not allowed in NoticeGen files.", "[NG1002]"));
    }

    [Fact]
    public void An_alias_without_its_anchor_is_refused_too()
    {
        _hostile.Site.Replace("site.yml", "  title: Mini", "  title: *name");
        _hostile.Refused("site.yml:2:10: error: YAML aliases (*name) are not allowed in NoticeGen files.", "[NG1002]");
    }

    [Theory]
    [InlineData(true, "site.yml:5:41:")]
    [InlineData(false, "site.yml:35:65:")]
    public void A_hundred_levels_of_nesting_are_refused(bool flow, string where)
    {
        var deep = flow
            ? "    deep: " + new string('[', 100) + new string(']', 100) + "\n"
            : string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', 4 + (2 * i)) + $"k{i}:\n")) + new string(' ', 204) + "v: 1\n";
        _hostile.Site.Replace("site.yml", "  params:\n", "  params:\n" + deep);
        Fast(() => _hostile.Refused(where + " error: This YAML is nested more than 32 levels deep.", "[NG1002]"));
    }

    [Fact]
    public void Two_hundred_thousand_values_are_refused()
    {
        _hostile.Site.Replace("site.yml", "  params:\n", "  params:\n    many: [" + string.Join(", ", Enumerable.Repeat("1", 200_000)) + "]\n");
        Fast(() => _hostile.Refused("site.yml:5:", "error: This YAML has more than 100000 values.", "[NG1002]"));
    }

    [Fact]
    public void Two_hundred_thousand_values_in_front_matter_are_refused()
    {
        _hostile.Site.Write(HostileSite.Covers, "---\nid: covers\nparams:\n  many: [" + string.Join(",", Enumerable.Repeat("1", 200_000)) + "]\n---\nText.\n");
        Fast(() => _hostile.Refused("content/covers.md:4:", "error: This YAML has more than 100000 values.", "[NG1002]"));
    }

    /// <summary>Refusing must not first do the work the input asks for.</summary>
    private static void Fast(Action refuse)
    {
        var clock = Stopwatch.StartNew();
        refuse();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}
