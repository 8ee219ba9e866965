using NoticeGen.Check;
using NoticeGen.Load;
using NoticeGen.Releases;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Releases;

/// <summary>A fragment frozen unchanged in many releases is parsed once, yet each release's copy names its own file.</summary>
public sealed class ArchivedFragmentsTests
{
    private static readonly HashSet<string> Jurisdictions = ["eu"];

    [Fact]
    public void A_fragment_found_by_its_bytes_names_the_file_it_was_asked_for()
    {
        var parsed = FragmentParser.Parse("---\nid: rights\ntitle: Rights\njurisdictions: [eu]\ncovers: [rights.access]\nparams:\n  days: 30\n---\nWithin {{ days }} days.\n",
            "content/releases/2025-01-01/rights.md", Jurisdictions);
        var archived = new ArchivedFragments();
        archived.Among(["eu"]).Add("file-hash", parsed);

        var found = archived.Among(["eu"]).Find("file-hash", "content/releases/2025-06-01/rights.md");

        Assert.NotNull(found);
        Assert.Equal("content/releases/2025-06-01/rights.md", found.File);
        Assert.Equal(new SourceSpan("content/releases/2025-06-01/rights.md", parsed.Where.Line, parsed.Where.Column), found.Where);
        Assert.All(found.Covers, c => Assert.Equal("content/releases/2025-06-01/rights.md", c.Where.File));
        Assert.Equal("rights.access", Assert.Single(found.Covers).Value);
        Assert.All(found.ParamSpans, p => Assert.Equal("content/releases/2025-06-01/rights.md", p.Value.File));
        Assert.Equal(parsed.Template, found.Template);
        Assert.Equal(parsed.Params, found.Params);
    }

    [Fact]
    public void Other_bytes_or_other_jurisdictions_are_parsed_afresh()
    {
        var archived = new ArchivedFragments();
        archived.Among(["eu"]).Add("file-hash", FragmentParser.Parse("---\nid: a\ntitle: A\n---\nA.\n", "a.md", Jurisdictions));

        // A tag valid against one release's jurisdictions may be unknown to another's.
        Assert.Null(archived.Among(["eu", "uk"]).Find("file-hash", "b.md"));
        Assert.Null(archived.Among(["eu"]).Find("other-file", "b.md"));
        Assert.Null(archived.Among(["eu"]).Find(null, "b.md"));
        Assert.NotNull(archived.Among(["eu"]).Find("file-hash", "b.md"));
    }

    [Fact]
    public void Each_release_of_the_sample_holds_its_own_files()
    {
        using var site = TempSite.Sample();

        var releases = ReleaseStore.LoadAll(site.Dir);

        Assert.True(releases.Count >= 2);
        Assert.All(releases, r => Assert.All(r.Content.Fragments, f =>
        {
            Assert.StartsWith(r.Folder + "/", f.File, StringComparison.Ordinal);
            Assert.StartsWith(r.Folder + "/", f.Where.File, StringComparison.Ordinal);
        }));
        // Files frozen unchanged in several releases are one parse, so they share their text.
        var shared = releases.SelectMany(r => r.Content.Fragments).GroupBy(f => f.Source).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(shared);
        Assert.Contains(shared, g => g.Skip(1).All(f => ReferenceEquals(f.Source, g.First().Source)));
    }
}
