using System.Text.RegularExpressions;
using NoticeGen.Check;
using NoticeGen.Check.Coverage;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Check.Coverage;

/// <summary>The README's coverage section stays true to the rule files: its topic table and its example rule file.</summary>
public sealed partial class ReadmeSectionTests
{
    private static readonly string Text = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));

    [Fact]
    public void The_topic_table_has_every_topic_with_its_meaning_and_every_source_that_requires_it()
    {
        var rules = RuleLoader.BuiltIn();
        foreach (var topic in rules.Topics)
        {
            var row = Text.Split('\n').SingleOrDefault(l => l.StartsWith($"| `{topic.Id}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"The README's topic table has no row for {topic.Id}.");
            Assert.Contains(topic.Meaning, row);
            foreach (var rule in rules.Laws.SelectMany(l => l.Rules).Where(r => r.Topic == topic.Id))
            {
                Assert.Contains(rule.Source, row);
            }
        }
    }

    [Fact]
    public void The_example_rule_file_loads()
    {
        var yaml = ExampleBlock().Match(Text).Groups[1].Value;
        var rules = RuleLoader.Build([new RuleFile("rules/example-state.yml", yaml)], new DiagnosticSink());
        Assert.Equal(4, rules.FindLaw("example-state")!.Rules.Count);
    }

    [GeneratedRegex("```yaml\n# rules/example-state.yml[^\n]*\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
