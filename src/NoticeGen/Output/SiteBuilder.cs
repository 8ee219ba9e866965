using NoticeGen.Check;
using NoticeGen.Compose;
using NoticeGen.History;
using NoticeGen.Releases;
using NoticeGen.Load;
using NoticeGen.Render;
using NoticeGen.Output;

namespace NoticeGen.Output;

/// <summary>
/// Runs the pipeline for a site folder: load the working content and the release archive, render every version of
/// every page, compute stamps and redlines, and collect the output files. Nothing is written here.
/// </summary>
public static class SiteBuilder
{
    public const string DraftSegment = "draft/";

    /// <summary>Builds every page; throws <see cref="UserErrorException"/> with all errors found, returns the warnings with the output.</summary>
    public static (SiteOutput Output, IReadOnlyList<Diagnostic> Warnings) Build(string siteDir, BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var working = ContentLoader.LoadWorking(siteDir);
        foreach (var warning in working.Warnings)
        {
            diagnostics.Add(warning);
        }

        var templates = new SiteTemplates(siteDir);
        var releases = ReleaseStore.LoadAll(siteDir);
        var history = new SiteHistory(releases, options.Today, NoticeSlugs.Resolve(working.Site, releases), diagnostics);
        var inForce = history.Current;

        // The working content is always rendered, so a broken edit fails CI before it is ever released.
        // With no release in force it is what the site shows, marked as a draft; otherwise only with --drafts, under draft/.
        var draft = RenderedVersion.Render(working, diagnostics, inForce is null ? string.Empty : DraftSegment);
        var showDraftBeside = inForce is not null && options.Drafts;
        var draftForDiff = showDraftBeside ? RenderedVersion.Render(working, diagnostics, string.Empty, SiteHistory.RedlineLocation) : null;
        var current = inForce is null ? draft : history.RenderCurrent(diagnostics);
        diagnostics.ThrowIfErrors();

        // The draft is what would come after the latest release (in force or upcoming), as 'noticegen diff' compares it.
        var baseline = releases.Count > 0 ? history.ForDiff(releases[^1]) : null;
        var draftChanged = draftForDiff is null || baseline is null
            ? new HashSet<PageKey>()
            : draftForDiff.Pages
                .Where(p => PageFingerprint.Differs(baseline.Find(p.Plan.Key), p))
                .Select(p => p.Plan.Key).ToHashSet();
        var redlines = new RedlineCache();
        var writer = new PageWriter(templates, history, redlines, working.Site.Site, current.Pages.Select(p => p.Plan.Key).ToHashSet(), draftChanged);
        var output = new SiteOutput();
        output.Add("index.html", writer.Index(current.Content.Site, current.IntroHtml, inForce is null));
        foreach (var page in current.Pages)
        {
            output.Add(page.Plan.Path + "index.html", inForce is null
                ? writer.NoticePage(working.Site, page, PageStatus.Draft, null)
                : writer.NoticePage(inForce.Content.Site, page, PageStatus.Current, inForce));
        }

        foreach (var release in releases)
        {
            var status = release == inForce ? PageStatus.InForce : release.Effective > options.Today ? PageStatus.Upcoming : PageStatus.Archived;
            foreach (var page in history.Archived(release).Pages)
            {
                output.Add(page.Plan.Path + "index.html", writer.NoticePage(release.Content.Site, page, status, release));
            }
        }

        foreach (var redline in history.Redlines())
        {
            output.Add(redline.Path + "index.html", writer.Redline(redline));
        }

        if (showDraftBeside)
        {
            foreach (var page in draft.Pages)
            {
                output.Add(page.Plan.Path + "index.html", writer.NoticePage(working.Site, page, PageStatus.Draft, null));
                var before = baseline!.Find(page.Plan.Key);
                var redline = new RedlineEntry(page.Plan.Key, page.Plan.Notice, page.Plan.Audience, releases[^1], null, before, draftForDiff!.Find(page.Plan.Key)!);
                output.Add(redline.Path + "index.html", writer.Redline(redline));
            }
        }

        if (releases.Count > 0)
        {
            foreach (var (path, html) in writer.Changelogs(current.Content.Site))
            {
                output.Add(path, html);
            }

            foreach (var (path, xml) in new FeedWriter(history, redlines, working.Site.Site).Feeds())
            {
                output.Add(path, xml);
            }
        }

        foreach (var (outputPath, sourcePath) in templates.Assets())
        {
            output.Add(outputPath, File.ReadAllBytes(sourcePath));
        }

        return (output, diagnostics.Items.Where(d => d.Severity == Severity.Warning).ToList());
    }
}
