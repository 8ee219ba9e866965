namespace NoticeGen.Check.Coverage;

/// <summary>The topics a release touched on one page, in vocabulary order, and which of them make it a material change.</summary>
public sealed record MaterialChangeReport(IReadOnlyList<TopicChange> Topics)
{
    public IReadOnlyList<TopicChange> Material => Topics.Where(t => t.IsMaterial).ToList();

    public bool IsMaterial => Topics.Any(t => t.IsMaterial);

    /// <summary>"material change: purposes, recipients" for summaries, changelogs and feeds; null when no change is material.</summary>
    public string? Summary => IsMaterial ? "material change: " + string.Join(", ", Material.Select(t => t.Topic)) : null;
}
