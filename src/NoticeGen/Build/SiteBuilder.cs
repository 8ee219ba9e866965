using NoticeGen.Check;
using NoticeGen.History;
using NoticeGen.Load;
using NoticeGen.Output;
using NoticeGen.Releases;
using NoticeGen.Render;

namespace NoticeGen.Build;

/// <summary>
/// Runs the build up to the point where outputs can be written: loads the working content and the release archive
/// (each verified once), renders each version once on every core (or reads it from the cache), and computes the timeline,
/// the pages' histories and their stamps. Throws <see cref="UserErrorException"/> with every error found.
/// </summary>
public static class SiteBuilder
{
    /// <summary>Builds the model; every finding goes to <paramref name="diagnostics"/>, whose policy takes site.yml's 'checks:'.</summary>
    /// <remarks>Returns once the cache holds what it renders (see <see cref="BuildCache.Flush"/>).</remarks>
    public static SiteBuild Build(BuildRequest request, DiagnosticSink diagnostics, BuildProgress? progress = null)
    {
        var sources = Load(request, diagnostics, progress);
        try
        {
            return Render(sources, diagnostics, progress);
        }
        finally
        {
            sources.Cache?.Flush();
        }
    }

    /// <summary>Reads and verifies what the build is made from, rendering nothing (see <see cref="Render"/>).</summary>
    public static SiteSources Load(BuildRequest request, DiagnosticSink diagnostics, BuildProgress? progress = null)
    {
        progress ??= BuildProgress.None;
        var working = ContentLoader.LoadWorking(request.SiteDir, diagnostics, request.Parallel);
        diagnostics.Policy = diagnostics.Policy with { Settings = working.Site.Checks };
        progress.Step($"read site.yml and {working.Fragments.Count} fragments");
        var templates = new SiteTemplates(request.SiteDir);
        var cache = request.CacheDir is null ? null : new BuildCache(request.CacheDir);
        cache?.RemoveOtherVersions();
        var verifiedKey = BuildCache.Key("verified-archive", Path.GetFullPath(request.SiteDir));
        var verified = new VerifiedFiles(cache?.TryGet<VerifiedArchive>(verifiedKey)?.Files);
        // Fragments are read when rendering: a build whose output stands needs only the manifests and site.yml snapshots.
        var releases = ReleaseStore.LoadAll(request.SiteDir, request.Parallel, diagnostics, verified, readFragments: false);
        if (verified.Changed)
        {
            cache?.Set(verifiedKey, new VerifiedArchive(verified.Now));
        }

        progress.Step($"verified {releases.Count} release(s)");

        // A release about to be made joins the archive as a build will read it, so that what it would publish is checked
        // before it is frozen for good.
        var pending = request.Release is { } proposed ? ReleaseStore.Prepare(request.SiteDir, working, proposed.Effective, proposed.Summary, releases) : null;
        if (pending is not null)
        {
            releases = [.. releases, pending.ToRelease()];
        }

        return new SiteSources(request, working, templates, cache, releases, pending, NoticeSlugs.Resolve(working.Site, releases), new Timeline(releases, request.Today));
    }

    /// <summary>
    /// Renders every version (the working text and each release), and computes the pages' histories and stamps. The
    /// working text's cache entry may still be being written when this returns: call <see cref="BuildCache.Flush"/> on
    /// <see cref="SiteSources.Cache"/> before the command ends.
    /// </summary>
    public static SiteBuild Render(SiteSources sources, DiagnosticSink diagnostics, BuildProgress? progress = null)
    {
        progress ??= BuildProgress.None;
        var (request, working, releases, slugs, cache) = (sources.Request, sources.Working, sources.Releases, sources.Slugs, sources.Cache);
        var parallel = request.Parallel;
        ReleaseStore.ReadFragments(releases, parallel, diagnostics);

        // The working text is always rendered, so a broken edit fails CI before it is ever released.
        var pool = new TemplateContextPool(ScribanLimits.Fragments);

        // Most sections read the same on every audience page and from one release to the next: hold each distinct text
        // once, whatever the site's size or the history's length.
        var texts = new TextInterner();
        var versionSources = releases.Select(r => (Release: (Release?)r, Content: NoticeSlugs.Apply(r.Content, slugs)))
            .Prepend((Release: null, Content: working))
            .ToList();
        var rendered = new RenderedVersion[versionSources.Count];
        Parallel.For(0, versionSources.Count, parallel, i =>
            rendered[i] = RenderCached(versionSources[i].Content, versionSources[i].Release, slugs, IsPending(versionSources[i].Release) ? null : cache, pool, parallel, texts, diagnostics,
                writeLater: request.Threads == 0));
        diagnostics.ThrowIfErrors();

        var versions = releases.Select((r, i) => (r, rendered[i + 1])).ToDictionary(x => x.r, x => x.Item2);
        var histories = PageHistory.Build(releases.Select(r => (r, versions[r].Pages)), parallel: parallel);
        progress.Step($"rendered {rendered.Length} version(s), {rendered.Sum(v => v.Pages.Count)} pages in all{(cache is null ? string.Empty : " (with the cache)")}");
        return new SiteBuild(sources, rendered[0], versions, histories, new RedlineService(cache));

        // The release not yet written is not cached: its fragments carry their working paths, which the archived copy will not.
        bool IsPending(Release? release) => release is not null && sources.Pending is not null && release.Effective == sources.Pending.Effective;
    }

    /// <summary>
    /// Renders the working text alone, as <see cref="Render"/> does (every finding reported): what a build checks when the
    /// releases' pages it would publish are known to be in the output already.
    /// </summary>
    public static RenderedVersion RenderWorking(SiteSources sources, DiagnosticSink diagnostics)
    {
        var version = RenderCached(sources.Working, null, sources.Slugs, sources.Cache, new TemplateContextPool(ScribanLimits.Fragments), sources.Request.Parallel, new TextInterner(), diagnostics);
        diagnostics.ThrowIfErrors();
        return version;
    }

    /// <summary>
    /// Renders a content set, or reads it from the cache: an archived release's text depends only on its manifest (which
    /// hashes every file), the notices' slugs and the tool, so its entry holds until one of those changes.
    /// </summary>
    private static RenderedVersion RenderCached(
        Load.ContentSet content, Release? release, IReadOnlyDictionary<string, string> slugs, BuildCache? cache,
        TemplateContextPool pool, ParallelOptions parallel, TextInterner texts, DiagnosticSink diagnostics, bool writeLater = false)
    {
        if (release is not null)
        {
            // An archived release cannot be edited, so its warnings could not be acted on: only its errors are reported.
            var archived = new DiagnosticSink();
            var version = RenderCached(content, null, release, slugs, cache, pool, parallel, texts, archived);
            diagnostics.AddRange(archived.Items.Where(d => d.Severity == Severity.Error));
            return version;
        }

        return RenderCached(content, WorkingKey(content), null, slugs, cache, pool, parallel, texts, diagnostics, writeLater);
    }

    private static RenderedVersion RenderCached(
        Load.ContentSet content, string? workingKey, Release? release, IReadOnlyDictionary<string, string> slugs, BuildCache? cache,
        TemplateContextPool pool, ParallelOptions parallel, TextInterner texts, DiagnosticSink diagnostics, bool writeLater = false)
    {
        if (cache is null)
        {
            return RenderedVersion.Render(content, diagnostics, pool, parallel, texts.Intern);
        }

        var plan = Compose.SitePlanner.Plan(content, diagnostics);
        var key = BuildCache.Key([
            "render",
            release is null ? workingKey! : release.Identity,
            .. slugs.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + "=" + s.Value)]);
        RenderedVersion? fresh = null;
        // The working text's entry (a whole site's pages at once, which only an unchanged rebuild reads) is written while
        // the pages are: serialising it held up the 1k build by a tenth. An archived release's is written at once, as
        // the releases render side by side anyway; so is everything with --threads N, which promises N threads at most
        // (writeLater is false then).
        var entry = cache.GetOrAdd(key, () =>
        {
            var found = new DiagnosticSink();
            fresh = RenderedVersion.Render(plan, found, pool, parallel, texts.Intern);
            return CachedVersion.Of(fresh, found.Items);
        }, inBackground: writeLater);
        diagnostics.AddRange(entry.Diagnostics);
        return fresh ?? entry.ToVersion(plan, texts.Intern) ?? RenderedVersion.Render(content, diagnostics, pool, parallel, texts.Intern);
    }

    /// <summary>Everything the working text's rendering depends on: site.yml's text-determining part and every fragment file.</summary>
    private static string WorkingKey(Load.ContentSet content) =>
        BuildCache.Key([SiteSnapshot.ToYaml(content.Site), .. content.Fragments.SelectMany(f => new[] { f.File, f.Source })]);
}
