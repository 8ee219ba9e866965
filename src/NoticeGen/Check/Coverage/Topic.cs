namespace NoticeGen.Check.Coverage;

/// <summary>A topic of the shared vocabulary that sections declare in <c>covers:</c> and rules require, such as "retention".</summary>
public sealed record Topic(string Id, string Meaning, SourceSpan Where);
