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

    [Fact]
    public void An_intro_that_names_no_fragment_is_reported_where_it_is_named()
    {
        // The site's intro was reported at site.yml:1:1, and a notice's at the start of the notice.
        var model = SiteLoader.Load(Site.Replace("  title: T\n", "  title: T\n  intro: welcome\n", StringComparison.Ordinal)
            .Replace("    title: App\n", "    title: App\n    intro: app-intro\n", StringComparison.Ordinal));
        var error = Assert.Throws<UserErrorException>(() => SitePlanner.Plan(new ContentSet(model, Content().Fragments), new DiagnosticSink()));
        var findings = error.Diagnostics.OrderBy(d => d.Where.Line).Select(d => d.ToString()).ToList();
        Assert.Equal(2, findings.Count);
        Assert.StartsWith("site.yml:3:10: error: The site intro 'welcome' is not a fragment id.", findings[0]);
        Assert.StartsWith("site.yml:17:12: error: Notice 'app' names the intro 'app-intro', but no fragment has that id.", findings[1]);
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
