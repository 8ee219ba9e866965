namespace NoticeGen.Import;

/// <summary>
/// A block of a page read in order, before it is split into notices and sections: a heading (level 1-6, its text and
/// the anchors that pointed at it) or a body block (Markdown, the words a reader sees, and the ids it carried).
/// </summary>
/// <remarks><see cref="ImplicitAnchors"/> point at a heading without being its own: the slug a site generator gave it, or
/// the id of the section element it opens. Links may use them and a section may take one as its id, but a notice's id and
/// a sub-heading's written anchor come from the heading's own. <see cref="HeadingMarkdown"/>: a paragraph that is one short
/// bold line ("<b>1. Information We Collect</b>") could be a heading, on a page that marks its headings no other way; this is
/// its text as a heading, without the bold.</remarks>
public sealed record FlatBlock(int Line, int Level, string Markdown, string PlainText, IReadOnlyList<string> Anchors, IReadOnlyList<string>? ImplicitAnchors = null,
    string? HeadingMarkdown = null)
{
    public IEnumerable<string> AllAnchors => Anchors.Concat(ImplicitAnchors ?? []);

    public bool IsHeading => Level > 0;
}
