namespace NoticeGen.Import;

/// <summary>
/// One source as given: a file on disk (<see cref="Path"/>), or a version read from Git (<see cref="Bytes"/>); its name
/// for messages, the extension that says its format, its date when it is one of several versions, and what the release
/// made from it should say.
/// </summary>
public sealed record SourceFile(string Display, string? Path, byte[]? Bytes, string Extension, DateOnly? Date, string Summary)
{
    public SourcePage Read() => Bytes is { } bytes ? SourceReader.Parse(bytes, Display, Extension) : SourceReader.Read(Path!, Display);
}
