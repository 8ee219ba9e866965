namespace NoticeGen.Output;

/// <summary>Changelogs: one per page and one for the site, once there is a release.</summary>
public sealed class ChangelogsEmitter : IEmitter
{
    public string Name => "changelogs";

    public void Emit(EmitContext context)
    {
        if (context.Build.Timeline.Releases.Count == 0)
        {
            return;
        }

        Parallel.ForEach(context.Build.Histories.Values, context.Parallel, history =>
            context.Files.Write(context.Layout.Changelog(history.Key) + SiteLayout.IndexFile, context.Pages.PageChangelog(history)));
        context.Files.Write(SiteLayout.SiteChangelog + SiteLayout.IndexFile, context.Pages.SiteChangelog());
    }
}
