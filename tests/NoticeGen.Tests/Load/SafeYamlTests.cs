using NoticeGen.Check;
using NoticeGen.Load;

namespace NoticeGen.Tests.Load;

/// <summary>YAML is read into plain nodes with positions; the features that can blow up or build objects are refused.</summary>
public sealed class SafeYamlTests
{
    [Fact]
    public void Reads_mappings_sequences_and_scalars_with_their_positions()
    {
        var root = Assert.IsType<YMapping>(SafeYaml.Parse("a: 1\nlist: [x, y]\n", "f.yml", lineOffset: 10));
        var list = Assert.IsType<YSequence>(root.Get("list"));
        Assert.Equal(["x", "y"], list.Items.Cast<YScalar>().Select(s => s.Value));
        Assert.Equal(new SourceSpan("f.yml", 12, 8), list.Items[0].Where);
    }

    [Theory]
    [InlineData("a: &x 1\nb: *x\n", "YAML anchors (&x) are not allowed")]
    [InlineData("a: !!binary aGk=\n", "YAML type tags (tag:yaml.org,2002:binary) are not allowed")]
    [InlineData("a: 1\na: 2\n", "The key 'a' appears twice")]
    [InlineData("a: 1\n---\nb: 2\n", "more than one YAML document")]
    [InlineData("a: [1, 2\n", "This is not valid YAML")]
    [InlineData("a:\n  id: !!str]\n", "YAML type tags (!name or !!type) are not allowed")] // a malformed tag YamlDotNet throws on
    public void Refuses_what_content_files_never_need(string yaml, string message)
    {
        var error = Assert.Throws<UserErrorException>(() => SafeYaml.Parse(yaml, "f.yml"));
        Assert.Contains(message, Assert.Single(error.Diagnostics).Message);
        Assert.Equal("f.yml", error.Diagnostics[0].Where.File);
    }

    [Fact]
    public void Refuses_deep_nesting()
    {
        var yaml = string.Concat(Enumerable.Repeat("[", 40)) + string.Concat(Enumerable.Repeat("]", 40));
        var error = Assert.Throws<UserErrorException>(() => SafeYaml.Parse(yaml, "f.yml"));
        Assert.Contains("nested more than 32 levels", error.Diagnostics[0].Message);
    }
}
