namespace NoticeGen.Output;

/// <summary>notices.json: every notice, audience page and version with its address, status, dates and text hash.</summary>
public sealed class NoticesJsonEmitter : IEmitter
{
    public string Name => "notices.json";

    public void Emit(EmitContext context)
    {
        context.Files.Write(PageRecords.NoticesFile, context.Records.Notices());
        context.Files.Write(PageRecords.SchemaFile, PageRecords.Schema());
    }
}
