using NoticeGen.Check;
using NoticeGen.Releases;

namespace NoticeGen.Tests.Releases;

/// <summary>
/// A manifest as 'noticegen release' writes it is read line by line; any other text (edited by hand, with an escape the
/// writer never uses, with a character no site text may hold) is read by the YAML reader, with its checks.
/// </summary>
public sealed class ManifestReadingTests
{
    private static readonly ReleaseManifest Written = new(
        new DateOnly(2026, 2, 1),
        "Renamed \"cookies\" section; C:\\path\\ stays, é and 😀 too,\na second line\tand a tab",
        new DateOnly(2026, 1, 1),
        new string('a', 64),
        [new("covers.md", new string('b', 64)), new("fragments/shared/rétention.md", new string('c', 64)), new("site.yml", new string('d', 64))]);

    [Fact]
    public void A_manifest_as_written_reads_back_as_the_same_manifest()
    {
        var read = ReleaseManifest.Parse(Written.ToYaml(), "release.yml");

        Assert.Equal((Written.Effective, Written.Summary, Written.Previous, Written.PreviousManifestSha256), (read.Effective, read.Summary, read.Previous, read.PreviousManifestSha256));
        Assert.Equal(Written.Files, read.Files);
    }

    [Fact]
    public void A_manifest_edited_by_hand_is_still_read_as_yaml()
    {
        // Other spacing, a plain summary and keys in another order: not as written, so the YAML reader reads it.
        var text = "effective:   2026-02-01\nprevious: 2026-01-01\nsummary: Plain words\nprevious_manifest_sha256: " + new string('a', 64)
            + "\nfiles:\n    covers.md: " + new string('b', 64) + "\n";

        var read = ReleaseManifest.Parse(text, "release.yml");

        Assert.Equal((new DateOnly(2026, 2, 1), "Plain words", (DateOnly?)new DateOnly(2026, 1, 1)), (read.Effective, read.Summary, read.Previous));
        Assert.Equal([new KeyValuePair<string, string>("covers.md", new string('b', 64))], read.Files);
    }

    [Theory]
    [InlineData("\\u0007")]  // an escaped control character, which the writer would write but no site text may hold
    [InlineData("\\uE000")]  // NoticeGen's own mark, which would forge a label
    public void A_summary_spelling_a_refused_character_is_refused_as_the_yaml_reader_refuses_it(string escape)
    {
        var text = Written.ToYaml().Replace("Renamed", "Renamed" + escape, StringComparison.Ordinal);

        Assert.Throws<UserErrorException>(() => ReleaseManifest.Parse(text, "release.yml"));
    }

    [Fact]
    public void A_manifest_read_and_then_changed_writes_its_new_text()
    {
        // A manifest read as written keeps that text, so that it is not written again to key the caches; a copy that
        // changes it must not keep the old text.
        var read = ReleaseManifest.Parse(Written.ToYaml(), "release.yml");
        var changed = read with { Summary = "Another summary" };

        Assert.Equal(Written.ToYaml(), read.ToYaml());
        Assert.Contains("summary: \"Another summary\"", changed.ToYaml(), StringComparison.Ordinal);
        Assert.Equal("Another summary", ReleaseManifest.Parse(changed.ToYaml(), "release.yml").Summary);
    }

    [Theory]
    [InlineData("\u0085", "\\u0085")]  // NEL, a C1 control
    [InlineData("\u007f", "\\u007f")]  // DEL
    [InlineData("plain/path-1.md", "plain/path-1.md")]
    public void Control_characters_are_escaped_and_other_text_is_written_as_it_is(string value, string written)
    {
        Assert.Equal("\"" + written + "\"", CanonicalYaml.Quote(value));
    }
}
