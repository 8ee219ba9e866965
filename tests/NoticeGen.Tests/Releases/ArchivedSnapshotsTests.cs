using NoticeGen.Check;
using NoticeGen.Load;
using NoticeGen.Releases;

namespace NoticeGen.Tests.Releases;

/// <summary>A site.yml snapshot that many releases keep unchanged is parsed once, yet each copy names its own file.</summary>
public sealed class ArchivedSnapshotsTests
{
    [Fact]
    public void A_site_snapshot_parsed_before_names_the_file_it_was_asked_for()
    {
        const string Text = "site:\n  title: T\njurisdictions:\n  eu: EU\nnotices:\n  - id: web\n    title: Web\n    sections: [use, more]\n";
        var snapshots = new ArchivedSnapshots();
        var first = snapshots.Parse(Text, "content/releases/2025-01-01/site.yml");

        var again = snapshots.Parse(Text, "content/releases/2025-06-01/site.yml");

        Assert.Equal(Lines(SafeYaml.Parse(Text, "content/releases/2025-06-01/site.yml")!), Lines(again!));
        Assert.All(Lines(first!), l => Assert.Equal("content/releases/2025-01-01/site.yml", l.Where.File));
    }

    [Fact]
    public void A_site_snapshot_that_does_not_parse_reports_each_copy_at_its_own_file()
    {
        var snapshots = new ArchivedSnapshots();
        foreach (var file in new[] { "content/releases/2025-01-01/site.yml", "content/releases/2025-06-01/site.yml" })
        {
            var error = Assert.Throws<UserErrorException>(() => snapshots.Parse("site:\n  title: [T\n", file));
            Assert.Equal(file, Assert.Single(error.Diagnostics).Where.File);
        }
    }

    /// <summary>Every node of a document with its value and place, in document order.</summary>
    private static List<(string Value, SourceSpan Where)> Lines(YNode node) => node switch
    {
        YScalar s => [(s.Value, s.Where)],
        YSequence q => [("[", q.Where), .. q.Items.SelectMany(Lines)],
        YMapping m => [("{", m.Where), .. m.Entries.SelectMany(e => Lines(e.Key).Concat(Lines(e.Value)))],
        _ => throw new InvalidOperationException(),
    };
}
