using NoticeGen.Check;
using NoticeGen.Compose;
using NoticeGen.Load;

namespace NoticeGen.Tests.Compose;

/// <summary>Each page holds the notice's sections its audience sees, in order, numbered for that page.</summary>
public sealed class SitePlannerTests
{
    private const string Site = """
        site:
          title: T
        jurisdictions:
          eu: EU
          california: California
        audiences:
          - id: california
            name: California residents
            jurisdictions: [california]
        notices:
          - id: web
            title: Web
            sections: [a, eu-only, ca-only, z]
          - id: app
            title: App
            numbered: false
            sections: [a, z]
        """;

    [Fact]
    public void Pages_keep_the_sections_their_audience_sees_and_number_them_in_order()
    {
        var plan = SitePlanner.Plan(Content(), new DiagnosticSink());
        var full = plan.Find("web", Audience.EveryoneId)!;
        Assert.Equal(["a:1", "eu-only:2", "ca-only:3", "z:4"], full.Sections.Select(s => $"{s.Id}:{s.Number}"));
        var california = plan.Find("web", "california")!;
        Assert.Equal(["a:1", "ca-only:2", "z:3"], california.Sections.Select(s => $"{s.Id}:{s.Number}"));
        Assert.All(plan.Find("app", "california")!.Sections, s => Assert.Null(s.Number));
    }

    [Fact]
    public void Only_fragments_some_page_uses_count_as_used()
    {
        var content = Content(("orphan", null, "{{ include \"shared\" }}"), ("shared", null, "x"));
        var used = SitePlanner.UsedFragmentIds(content);
        Assert.DoesNotContain("orphan", used);
        Assert.DoesNotContain("shared", used); // included only by an unused fragment
        Assert.Contains("a", used);
    }

    private static ContentSet Content(params (string Id, string? Tags, string Body)[] extra)
    {
        var model = SiteLoader.Load(Site);
        var known = model.Jurisdictions.Select(j => j.Id).ToHashSet();
        var fragments = new[] { ("a", (string?)null, "A"), ("eu-only", "[eu]", "E"), ("ca-only", "[california]", "C"), ("z", null, "Z") }
            .Concat(extra)
            .Select(f => FragmentParser.Parse($"---\nid: {f.Item1}\ntitle: {f.Item1}\n{(f.Item2 is null ? string.Empty : "jurisdictions: " + f.Item2 + "\n")}---\n{f.Item3}\n", f.Item1 + ".md", known))
            .ToList();
        return new ContentSet(model, fragments);
    }
}
