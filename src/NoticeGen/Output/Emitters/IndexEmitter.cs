namespace NoticeGen.Output;

/// <summary>The index page: the site intro and every notice with its audiences.</summary>
public sealed class IndexEmitter : IEmitter
{
    public string Name => "index";

    public void Emit(EmitContext context) => context.Files.Write(SiteLayout.IndexFile, context.Pages.Index());
}
