namespace NoticeGen.Check.Coverage;

/// <summary>Which page a finding is about: notice and audience, the audience's name for readers, and where the notice is defined.</summary>
public sealed record PageIdentity(string NoticeId, string AudienceId, string AudienceName, SourceSpan Where)
{
    public override string ToString() => $"{NoticeId}/{AudienceId}";
}
