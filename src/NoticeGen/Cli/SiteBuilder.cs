using NoticeGen.Check;
using NoticeGen.Compose;
using NoticeGen.Load;
using NoticeGen.Render;
using NoticeGen.Write;
using Scriban.Runtime;

namespace NoticeGen.Cli;

/// <summary>Runs the pipeline for a site folder: load, compose, render, and collect the output files (nothing is written here).</summary>
public static class SiteBuilder
{
    /// <summary>Builds every page; throws <see cref="UserErrorException"/> with all errors found, returns the warnings with the output.</summary>
    public static (SiteOutput Output, IReadOnlyList<Diagnostic> Warnings) Build(string siteDir)
    {
        var diagnostics = new DiagnosticBag();
        var content = ContentLoader.LoadWorking(siteDir);
        foreach (var warning in content.Warnings)
        {
            diagnostics.Add(warning);
        }

        var templates = new SiteTemplates(siteDir);
        var plan = SitePlanner.Plan(content, diagnostics);
        var renderer = new PageRenderer(plan);
        var pages = plan.Pages.Select(p => renderer.Render(p, diagnostics)).ToList();
        var intro = renderer.RenderSiteIntro(diagnostics);
        diagnostics.ThrowIfErrors();

        var output = new SiteOutput();
        output.Add("index.html", templates.Render("index.sbn", PageModels.IndexPage(content.Site, intro)));
        foreach (var page in pages)
        {
            output.Add(page.Plan.Path + "index.html", templates.Render("page.sbn", PageModels.NoticePage(content.Site, page, new ScriptObject())));
        }

        foreach (var (outputPath, sourcePath) in templates.Assets())
        {
            output.Add(outputPath, File.ReadAllBytes(sourcePath));
        }

        return (output, diagnostics.Items.Where(d => d.Severity == Severity.Warning).ToList());
    }
}
