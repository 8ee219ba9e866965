using NoticeGen.Build;

namespace NoticeGen.Output;

/// <summary>Every output of a build, registered in one place: adding an output means adding an emitter here.</summary>
public static class Emitters
{
    public static IReadOnlyList<IEmitter> All { get; } =
    [
        new AssetsEmitter(),
        new IndexEmitter(),
        new CurrentPagesEmitter(),
        new VersionPagesEmitter(),
        new DraftPagesEmitter(),
        new RedlinePagesEmitter(),
        new ChangelogsEmitter(),
        new FeedsEmitter(),
    ];

    /// <summary>Runs every emitter into a staging folder and swaps it in; returns how many files were written.</summary>
    public static int WriteSite(SiteBuild build, string outDir, IReadOnlyList<IEmitter>? emitters = null)
    {
        using var files = new StagingFolder(outDir, build.Request.SiteDir);
        var context = new EmitContext(build, new SitePages(build), files, build.Request.Parallel);
        foreach (var emitter in emitters ?? All)
        {
            emitter.Emit(context);
        }

        files.Commit();
        return files.Count;
    }
}
