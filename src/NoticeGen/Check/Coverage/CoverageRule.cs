namespace NoticeGen.Check.Coverage;

/// <summary>
/// One thing a law asks a notice to contain. <see cref="Requires"/> says it in plain words, <see cref="Source"/> cites the
/// law ("GDPR Art. 13(1)(a)"). <see cref="Material"/>: a change to a section covering the topic is a material change.
/// <see cref="AppliesTo"/> limits it to notices whose data comes from the person or from others (GDPR Art. 13 or 14).
/// <see cref="Months"/> and <see cref="ReviewedCounts"/> belong to <see cref="RuleKind.LastUpdatedWithin"/>.
/// </summary>
public sealed record CoverageRule(
    RuleKind Kind,
    string? Topic,
    string Requires,
    string Source,
    bool Material,
    DataSources AppliesTo,
    int Months,
    bool ReviewedCounts,
    SourceSpan Where)
{
    /// <summary>The rule's name in findings and in the pinned lists: its topic, or the date check it makes.</summary>
    public string Id => Topic ?? KindName(Kind);

    /// <summary>How a kind is written in a rule file.</summary>
    public static string KindName(RuleKind kind) => kind switch
    {
        RuleKind.Topic => "topic",
        RuleKind.LastUpdatedPresent => "last-updated-present",
        RuleKind.LastUpdatedWithin => "last-updated-within",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
