namespace NoticeGen.Import;

/// <summary>
/// One notice found in a source page: its title, where it starts and ends (lines), whether its sections were numbered, the
/// text before its first section (its intro), and its sections in reading order. <see cref="Untitled"/>: the source gave
/// it no title of its own (a copy pasted without its title line, say).
/// </summary>
public sealed record SourceNotice(
    string Title,
    int Line,
    int LastLine,
    bool Numbered,
    IReadOnlyList<string> Anchors,
    IReadOnlyList<SourceBlock> Intro,
    IReadOnlyList<SourceSection> Sections,
    bool Untitled = false)
{
    /// <summary>What a reader of the source sees of this notice, in order: the title, the intro, each heading and its text.</summary>
    public IEnumerable<string> PlainTexts() =>
        (Untitled ? [] : new[] { Title }).Concat(Intro.Select(b => b.PlainText))
            .Concat(Sections.SelectMany(s => new[] { s.HeadingText }.Concat(s.Blocks.Select(b => b.PlainText))));
}
