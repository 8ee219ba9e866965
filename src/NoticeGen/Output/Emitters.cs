using System.Diagnostics;
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
    /// check failed (with --strict, no warning either); returns how many files were written. With <paramref name="kept"/>,
    /// the output it replaces is kept there for the next build to write over (see <see cref="StagingFolder"/>).
    /// <paramref name="beforeSwap"/> runs last before the swap and may still stop it by throwing (the content checks' verdict).
    /// </summary>
    public static int WriteSite(SiteBuild build, string outDir, DiagnosticSink sink, IReadOnlyList<IEmitter>? emitters = null, BuildProgress? progress = null,
        string? kept = null, Action? beforeSwap = null)
    {
        progress ??= BuildProgress.None;
        var label = ContentLoader.Relative(build.Request.SiteDir, outDir);
        var inspector = new OutputInspector(Checks.Output(), sink, label.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(outDir) : label,
            CheckContexts.Links(build));
        StagingFolder? staging = null;
        using var files = staging = new StagingFolder(outDir, build.Request.SiteDir, file =>
        {
            inspector.Written(file.Path, file.Bytes, file.Text);
            progress.Files(staging!.Count);
        }, kept);
        var context = new EmitContext(build, new SitePages(build), files, build.Request.Parallel);
        // Emitters write different files from one finished build, so they run side by side: a small site's redlines and
        // changelogs no longer wait for its version pages, and no core idles while one emitter finishes its last pages.
        // With --threads N they run one after another, each on N threads, so that N bounds the build.
        void Emit(IEmitter emitter)
        {
            var clock = Stopwatch.StartNew();
            emitter.Emit(context);
            progress.Step($"wrote {emitter.Name} in {clock.ElapsedMilliseconds} ms ({files.Count} files so far)");
        }

        if (build.Request.Threads > 0)
        {
            foreach (var emitter in emitters ?? All)
            {
                Emit(emitter);
            }
        }
        else
        {
            Parallel.ForEach(emitters ?? All, Emit);
        }

        inspector.Finish();
        progress.Step($"checked every page and link of {files.Count} files");
        sink.ThrowIfErrors();
        beforeSwap?.Invoke();
        files.Commit();
        progress.Step($"swapped the new site into {outDir} ({files.Unchanged} of {files.Count} files were already there, unchanged)");
        return files.Count;
    }
}
