namespace NoticeGen.Import;

/// <summary>
/// A block of a page read in order, before it is split into notices and sections: a heading (level 1-6, its text and
/// the anchors that pointed at it) or a body block (Markdown, the words a reader sees, and the ids it carried).
/// </summary>
/// <remarks><see cref="ImplicitAnchors"/> are the slugs a site generator gave a heading: links may use them, but the
/// heading is not written with them.</remarks>
public sealed record FlatBlock(int Line, int Level, string Markdown, string PlainText, IReadOnlyList<string> Anchors, IReadOnlyList<string>? ImplicitAnchors = null)
{
    public IEnumerable<string> AllAnchors => Anchors.Concat(ImplicitAnchors ?? []);

    public bool IsHeading => Level > 0;
}
