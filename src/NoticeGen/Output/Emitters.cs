using NoticeGen.Build;
using NoticeGen.Check;
using NoticeGen.Check.Output;
using NoticeGen.Load;

namespace NoticeGen.Output;

/// <summary>Every output of a build, registered in one place: adding an output means adding an emitter here.</summary>
public static class Emitters
{
    public static IReadOnlyList<IEmitter> All { get; } =
    [
        new AssetsEmitter(),
        new ContentAssetsEmitter(),
        new IndexEmitter(),
        new CurrentPagesEmitter(),
        new VersionPagesEmitter(),
        new DraftPagesEmitter(),
        new RedlinePagesEmitter(),
        new ChangelogsEmitter(),
        new FeedsEmitter(),
        new NoticesJsonEmitter(),
        new SitemapEmitter(),
    ];

    /// <summary>
    /// Runs every emitter into a staging folder, checks each page as it is written, and swaps the folder in only when no
    /// check failed (with --strict, no warning either); returns how many files were written.
    /// </summary>
    public static int WriteSite(SiteBuild build, string outDir, DiagnosticSink sink, IReadOnlyList<IEmitter>? emitters = null, BuildProgress? progress = null)
    {
        progress ??= BuildProgress.None;
        var label = ContentLoader.Relative(build.Request.SiteDir, outDir);
        var inspector = new OutputInspector(Checks.Output(), sink, label.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(outDir) : label);
        StagingFolder? staging = null;
        using var files = staging = new StagingFolder(outDir, build.Request.SiteDir, file =>
        {
            inspector.Written(file.Path, file.Bytes, file.Text);
            progress.Files(staging!.Count);
        });
        var context = new EmitContext(build, new SitePages(build), files, build.Request.Parallel);
        foreach (var emitter in emitters ?? All)
        {
            emitter.Emit(context);
            progress.Step($"wrote {emitter.Name} ({files.Count} files so far)");
        }

        inspector.Finish();
        progress.Step($"checked every page and link of {files.Count} files");
        sink.ThrowIfErrors();
        files.Commit();
        progress.Step($"swapped the new site into {outDir}");
        return files.Count;
    }
}
