namespace NoticeGen.Check.Content;

/// <summary>One paragraph of a fragment, where it starts, and its text (Markdown, possibly with template code).</summary>
public sealed record Paragraph(string FragmentId, string File, int Line, string Text)
{
    public SourceSpan Where => new(File, Line, 1);
}
