namespace NoticeGen.Output;

/// <summary>Each page at its current URL: the release in force, or the draft while none is.</summary>
public sealed class CurrentPagesEmitter : IEmitter
{
    public string Name => "current pages";

    public void Emit(EmitContext context)
    {
        var build = context.Build;
        var inForce = build.Timeline.Current;
        Parallel.ForEach(build.Current.Pages, context.Parallel, page =>
        {
            var folder = context.Layout.Page(page.Plan.Key);
            context.Files.Write(folder + SiteLayout.IndexFile, inForce is null
                ? context.Pages.NoticePage(build.Working.Site, page, PageStatus.Draft, null, VersionLocation.Current)
                : context.Pages.NoticePage(inForce.Site, page, PageStatus.Current, inForce, VersionLocation.Current));
            context.Records.WriteTwin(context.Files, folder + PageRecords.TwinFile, page, inForce is null ? "draft" : "current", inForce, VersionLocation.Current,
                context.Pages.Resolver(page, inForce, VersionLocation.Current));
        });
    }
}
