namespace NoticeGen.Import;

/// <summary>A notice an earlier imported version wrote.</summary>
public sealed record KnownNotice(string Id, string Title);
