namespace NoticeGen.Output;

/// <summary>Atom feeds: one per page and one for the site, once there is a release.</summary>
public sealed class FeedsEmitter : IEmitter
{
    public string Name => "feeds";

    public void Emit(EmitContext context)
    {
        if (context.Build.Timeline.Releases.Count == 0)
        {
            return;
        }

        var feeds = new FeedWriter(context.Build);
        Parallel.ForEach(context.Build.Histories.Values, context.Parallel, history =>
            context.Files.Write(context.Layout.Feed(history.Key), feeds.PageFeed(history)));
        context.Files.Write(SiteLayout.SiteFeed, feeds.SiteFeed());
    }
}
