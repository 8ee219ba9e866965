namespace NoticeGen.Check.Coverage;

/// <summary>One topic a release touched on a page: how, through which sections, and the laws under which that is a material change.</summary>
public sealed record TopicChange(string Topic, TopicChangeKind Kind, IReadOnlyList<string> SectionIds, IReadOnlyList<string> MaterialUnder)
{
    public bool IsMaterial => MaterialUnder.Count > 0;
}
