using NoticeGen.History;

namespace NoticeGen.Output;

/// <summary>Every release of every page at its own dated URL, marked in force, archived or upcoming.</summary>
public sealed class VersionPagesEmitter : IEmitter
{
    public string Name => "versions";

    public void Emit(EmitContext context)
    {
        var build = context.Build;
        var pages = build.Timeline.Releases.SelectMany(r => build.Versions[r].Pages.Select(p => (Release: r, Page: p)));
        Parallel.ForEach(pages, context.Parallel, x =>
        {
            var status = build.Timeline.StatusOf(x.Release) switch
            {
                ReleaseStatus.InForce => PageStatus.InForce,
                ReleaseStatus.Upcoming => PageStatus.Upcoming,
                _ => PageStatus.Archived,
            };
            var location = VersionLocation.Dated(x.Release.Effective);
            var folder = context.Layout.Page(x.Page.Plan.Key, location);
            context.Files.Write(folder + SiteLayout.IndexFile, context.Pages.NoticePage(x.Release.Site, x.Page, status, x.Release, location));
            context.Records.WriteTwin(context.Files, folder + PageRecords.TwinFile, x.Page, status switch
            {
                PageStatus.InForce => "in-force",
                PageStatus.Upcoming => "upcoming",
                _ => "archived",
            }, x.Release, location, context.Pages.Resolver(x.Page, x.Release, location));
        });
    }
}
