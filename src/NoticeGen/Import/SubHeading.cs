namespace NoticeGen.Import;

/// <summary>
/// A heading below section level, kept inside its section: its depth under the section heading (1 = the first level
/// below), its text, and the anchors that pointed at it in the source (for <c>### Title {#anchor}</c>).
/// </summary>
public sealed record SubHeading(int Depth, string Markdown, IReadOnlyList<string> Anchors, string? Key);
