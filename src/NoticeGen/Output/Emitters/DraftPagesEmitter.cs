namespace NoticeGen.Output;

/// <summary>With build --drafts beside a release in force: the working text under draft/, marked as a draft.</summary>
public sealed class DraftPagesEmitter : IEmitter
{
    public string Name => "draft";

    public void Emit(EmitContext context)
    {
        var build = context.Build;
        if (!build.ShowsDraftBeside)
        {
            return;
        }

        Parallel.ForEach(build.Draft.Pages, context.Parallel, page =>
        {
            var folder = context.Layout.Page(page.Plan.Key, VersionLocation.Draft);
            context.Files.Write(folder + SiteLayout.IndexFile, context.Pages.NoticePage(build.Working.Site, page, PageStatus.Draft, null, VersionLocation.Draft));
            context.Records.WriteTwin(context.Files, folder + PageRecords.TwinFile, page, "draft", null, VersionLocation.Draft,
                context.Pages.Resolver(page, null, VersionLocation.Draft));
        });
    }
}
