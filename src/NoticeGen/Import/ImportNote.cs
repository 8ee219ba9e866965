using NoticeGen.Check;

namespace NoticeGen.Import;

/// <summary>What a migration report lists about the source besides its sections.</summary>
public enum NoteKind
{
    /// <summary>Text of the source that is not in the imported site (page chrome, a repeated copy).</summary>
    LeftOut,

    /// <summary>Raw HTML or template code that NoticeGen will show as text.</summary>
    ShownAsText,

    /// <summary>Something kept as it was that an editor should check (a relative link, a date typed into the text).</summary>
    Check,
}

/// <summary>One finding about a source page, with where it is.</summary>
public sealed record ImportNote(NoteKind Kind, SourceSpan Where, string Text);
