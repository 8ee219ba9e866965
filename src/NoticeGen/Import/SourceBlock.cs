namespace NoticeGen.Import;

/// <summary>
/// One block of imported text (a paragraph, a list, a table, a sub-heading) as Markdown, with the line it starts on in the
/// source and the words a reader of the source sees in it (<see cref="PlainText"/>), which the migration check compares.
/// In-page links are written <c>[text](#anchor)</c> with the source's anchor; <see cref="PageWriter"/> resolves them.
/// </summary>
public sealed record SourceBlock(string Markdown, int Line, string PlainText, SubHeading? Heading = null);
