namespace NoticeGen.Import;

/// <summary>
/// One section of an imported notice: its title (without its number), the number the source gave it, the anchors that
/// pointed at its heading (its own first, then those a site generator gave it), its blocks, and the heading as the source shows it (for the migration check).
/// </summary>
public sealed record SourceSection(string Title, string? Number, int Line, IReadOnlyList<string> Anchors, IReadOnlyList<SourceBlock> Blocks, string HeadingText);
