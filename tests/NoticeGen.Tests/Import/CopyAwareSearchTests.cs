using NoticeGen.Import;

namespace NoticeGen.Tests.Import;

/// <summary>Boilerplate pasted into many sections: listed once per copy, and searched once, not once per pair of copies.</summary>
public sealed class CopyAwareSearchTests
{
    private const string Boilerplate = "If you have any questions about how we handle your personal information, please write to our data protection officer at the address below.";

    private static VersionPlan Plan(string html) =>
        ImportPlanner.Plan([HtmlPageReader.Read("policy.html", html)], new ImportOptions(), ImportState.Empty, "policy.html");

    [Fact]
    public void A_paragraph_repeated_in_several_sections_is_listed_once_per_copy_with_the_first_copy()
    {
        string[] topics = ["cookies", "retention", "transfers", "security", "children"];
        var html = "<h1>Privacy</h1>" + string.Concat(topics.Select(t =>
            $"<h2>{t}</h2><p>{string.Join(' ', Enumerable.Range(0, 40).Select(n => $"{t}{n}"))}</p><p>{Boilerplate}</p>"));

        var plan = Plan(html);

        // Every pair of copies was listed before: ten lines for five copies, a hundred thousand for a page of 450.
        Assert.Equal(["cookies retention", "cookies transfers", "cookies security", "cookies children"],
            plan.NearParagraphs.Select(p => $"{p.First.FragmentId} {p.Second.FragmentId}"));
        Assert.All(plan.NearParagraphs, p => Assert.EndsWith("are 100% alike, word for word.", p.ToString(), StringComparison.Ordinal));
        Assert.Empty(plan.NearSections);
    }

    [Fact]
    public void Sections_that_repeat_the_same_paragraphs_are_planned_as_copies_not_as_near_duplicates()
    {
        // 300 sections of one 60-word paragraph three times (370 KB) took 30 s to import: every pair of copies was aligned
        // (2 s now; timed by hand, as the project keeps timings out of unit tests).
        var paragraph = "<p>" + string.Join(' ', Enumerable.Range(0, 60).Select(n => $"word{n % 17}")) + "</p>";
        var html = "<h1>Privacy</h1>" + string.Concat(Enumerable.Range(1, 300).Select(i => $"<h2>Section {i}</h2>" + paragraph + paragraph + paragraph));
        var plan = Plan(html);

        Assert.Equal(300, plan.Site.Fragments.Count);
        Assert.Empty(plan.NearSections); // copies word for word, not near-duplicates with differences
    }
}
