namespace NoticeGen.Redline;

/// <summary>The blocks of one section that moved: old blocks that moved away, and new blocks that moved here with the old block they came from.</summary>
internal sealed record SectionMoves(
    IReadOnlyDictionary<SourceBlock, BlockMove> Away,
    IReadOnlyDictionary<SourceBlock, (SourceBlock Origin, BlockMove Move)> Here)
{
    public static readonly SectionMoves None = new(new Dictionary<SourceBlock, BlockMove>(), new Dictionary<SourceBlock, (SourceBlock, BlockMove)>());
}
