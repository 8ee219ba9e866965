using NoticeGen.Check;
using NoticeGen.Check.Coverage;
using NoticeGen.Load;

namespace NoticeGen.Tests.Check.Coverage;

/// <summary>A release's changed sections become changed topics, and those a law of the page's readers marks material make it a material change.</summary>
public sealed class MaterialChangesTests
{
    private static readonly RuleSet Rules = RuleLoader.BuiltIn();
    private static readonly LawMap Laws = LawMap.Resolve(Rules, ["eu", "california", "colorado", "brazil", "israel"], null, new DiagnosticSink());

    [Fact]
    public void A_change_to_a_section_covering_purposes_is_material_in_california()
    {
        var report = MaterialChanges.Evaluate(Rules, Laws, ["california"], [new ChangedSection("use", ["purposes", "cookies"], ["purposes", "cookies"])]);
        Assert.Equal(["purposes:Edited:ccpa", "cookies:Edited:"], report.Topics.Select(Describe));
        Assert.Equal("material change: purposes", report.Summary);
    }

    [Fact]
    public void A_change_to_a_section_covering_only_security_is_not_material()
    {
        var report = MaterialChanges.Evaluate(Rules, Laws, ["eu", "california", "colorado"], [new ChangedSection("security", ["security"], ["security"])]);
        Assert.Equal(["security:Edited:"], report.Topics.Select(Describe));
        Assert.False(report.IsMaterial);
        Assert.Null(report.Summary);
    }

    [Fact]
    public void Topics_a_release_adds_or_removes_are_told_apart_and_judged_under_each_law_of_the_page()
    {
        var report = MaterialChanges.Evaluate(Rules, Laws, ["eu", "brazil"],
        [
            new ChangedSection("new-sharing", [], ["recipients"]),
            new ChangedSection("storage", ["retention", "transfers"], ["transfers"]),
        ]);
        Assert.Equal(["recipients:Added:gdpr+lgpd", "transfers:Edited:gdpr", "retention:Removed:lgpd"], report.Topics.Select(Describe));
        Assert.Equal("material change: recipients, transfers, retention", report.Summary);
        Assert.Equal(["storage"], report.Topics.Single(t => t.Topic == "retention").SectionIds);
    }

    [Fact]
    public void Colorado_makes_a_change_to_how_rights_are_exercised_material_and_california_does_not()
    {
        ChangedSection[] changed = [new ChangedSection("contact", ["requests.how"], ["requests.how"])];
        Assert.True(MaterialChanges.Evaluate(Rules, Laws, ["colorado"], changed).IsMaterial);
        Assert.False(MaterialChanges.Evaluate(Rules, Laws, ["california"], changed).IsMaterial);
    }

    [Fact]
    public void A_page_whose_jurisdictions_have_no_law_lists_its_changed_topics_but_none_is_material()
    {
        var report = MaterialChanges.Evaluate(Rules, Laws, ["israel"], [new ChangedSection("use", ["purposes"], ["purposes"])]);
        Assert.Equal(["purposes:Edited:"], report.Topics.Select(Describe));
        Assert.False(report.IsMaterial);
    }

    [Fact]
    public void Sections_reads_each_sides_covers_including_what_the_section_includes()
    {
        var before = Content(("use", "covers: [purposes]", "We use data."));
        var after = Content(("use", "covers: [purposes]", "We use data. {{ include \"sharing\" }}"), ("sharing", "covers: [recipients]", "We share it."), ("new", "covers: [cookies]", "Cookies."));
        var sections = MaterialChanges.Sections(before, after, ["use", "new"]);
        Assert.Equal(["use: purposes -> purposes recipients", "new:  -> cookies"],
            sections.Select(s => $"{s.SectionId}: {string.Join(' ', s.OldTopics)} -> {string.Join(' ', s.NewTopics)}"));
        Assert.Equal([], MaterialChanges.Sections(null, after, ["use"])[0].OldTopics);
    }

    [Fact]
    public void A_release_frozen_before_its_sections_were_tagged_borrows_the_working_covers_of_the_same_section()
    {
        var archived = Content(("use", "title: Use", "We use data."));
        var working = Content(("use", "covers: [purposes]", "We use data for more."));
        Assert.Equal([], MaterialChanges.Sections(archived, archived, ["use"])[0].NewTopics);
        var sections = MaterialChanges.Sections(archived, archived, ["use"], tagging: working);
        Assert.Equal(["purposes"], sections[0].OldTopics);
        Assert.Equal("material change: purposes", MaterialChanges.Evaluate(Rules, Laws, ["eu"], sections).Summary);
    }

    private static string Describe(TopicChange change) => $"{change.Topic}:{change.Kind}:{string.Join('+', change.MaterialUnder)}";

    private static ContentSet Content(params (string Id, string Front, string Body)[] fragments)
    {
        var model = SiteLoader.Load("site:\n  title: T\njurisdictions:\n  eu: EU\nnotices:\n  - id: web\n    title: Web\n    sections: [use]\n");
        return new ContentSet(model, fragments.Select(f => FragmentParser.Parse($"---\nid: {f.Id}\n{f.Front}\n---\n{f.Body}\n", f.Id + ".md", new HashSet<string>())).ToList());
    }
}
