namespace NoticeGen.Output;

/// <summary>A redline for each release that changed a page, and for the draft when it is shown.</summary>
public sealed class RedlinePagesEmitter : IEmitter
{
    public string Name => "redlines";

    public void Emit(EmitContext context) =>
        Parallel.ForEach(context.Build.ReleaseRedlines().Concat(context.Build.DraftRedlines()), context.Parallel, entry =>
            context.Files.Write(context.Layout.Redline(entry.Key, entry.To?.Effective) + SiteLayout.IndexFile, context.Pages.Redline(entry)));
}
