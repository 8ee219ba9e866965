namespace NoticeGen.Import;

/// <summary>How a source page is written: a saved web page, Markdown, or plain text pasted from a CMS.</summary>
public enum SourceFormat
{
    Html,
    Markdown,
    Text,
}
