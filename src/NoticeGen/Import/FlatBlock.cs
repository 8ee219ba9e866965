namespace NoticeGen.Import;

/// <summary>
/// A block of a page read in order, before it is split into notices and sections: a heading (level 1-6, its text and
/// the anchors that pointed at it) or a body block (Markdown, the words a reader sees, and the ids it carried).
/// </summary>
/// <remarks><see cref="ImplicitAnchors"/> point at a heading without being its own: the slug a site generator gave it, or
/// the id of the section element it opens. Links may use them and a section may take one as its id, but a notice's id and
/// a sub-heading's written anchor come from the heading's own.</remarks>
public sealed record FlatBlock(int Line, int Level, string Markdown, string PlainText, IReadOnlyList<string> Anchors, IReadOnlyList<string>? ImplicitAnchors = null)
{
    public IEnumerable<string> AllAnchors => Anchors.Concat(ImplicitAnchors ?? []);

    public bool IsHeading => Level > 0;
}
