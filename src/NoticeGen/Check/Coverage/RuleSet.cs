namespace NoticeGen.Check.Coverage;

/// <summary>The laws a check applies and the topic vocabulary their rules and the sections' <c>covers:</c> use.</summary>
public sealed record RuleSet(IReadOnlyList<Topic> Topics, IReadOnlyList<Law> Laws)
{
    private readonly Dictionary<string, Topic> _topics = Topics.ToDictionary(t => t.Id, StringComparer.Ordinal);
    private readonly Dictionary<string, Law> _laws = Laws.ToDictionary(l => l.Id, StringComparer.Ordinal);

    public Topic? FindTopic(string id) => _topics.GetValueOrDefault(id);

    public Law? FindLaw(string id) => _laws.GetValueOrDefault(id);
}
