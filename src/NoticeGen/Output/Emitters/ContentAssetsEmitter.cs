using NoticeGen.Check;
using NoticeGen.Load;

namespace NoticeGen.Output;

/// <summary>
/// The files the text links to (images, PDFs) from content/assets/, published under assets/ beside the stylesheet, so
/// a fragment's ![Logo](assets/logo.png) works from every page, version and redline.
/// </summary>
public sealed class ContentAssetsEmitter : IEmitter
{
    public string Name => "content assets";

    public void Emit(EmitContext context)
    {
        var siteDir = context.Build.Request.SiteDir;
        var folder = Path.Combine(siteDir, ContentLoader.ContentFolder, ContentLoader.AssetsFolder);
        if (!Directory.Exists(folder))
        {
            return;
        }

        // The theme's files and the schema of the JSON twins are published under assets/ too.
        var reserved = context.Build.Templates.Assets().Select(a => a.OutputPath).Append(PageRecords.SchemaFile).ToHashSet(StringComparer.Ordinal);
        var sink = new DiagnosticSink();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var output = SiteLayout.AssetsFolder + Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            var rel = ContentLoader.Relative(siteDir, file);
            if (!SiteFiles.IsInside(siteDir, file))
            {
                sink.Report(Codes.OutsideSite, SourceSpan.StartOf(rel), "This asset is a link to a file outside the site folder, and is not published.",
                    "Replace the link with the file itself.");
            }
            else if (reserved.Contains(output))
            {
                sink.Report(Codes.DuplicateId, SourceSpan.StartOf(rel), $"This file would be published at {output}, where {(output == PageRecords.SchemaFile ? "NoticeGen's schema of the JSON twins" : "the theme's file of that name")} goes.",
                    "Rename it, or put it in a sub-folder of content/assets/.");
            }
            else if (SiteFiles.ReadBytes(file) is var bytes && ActiveAsset.Find(file, bytes) is { } active)
            {
                sink.Report(Codes.UnsafeUrl, SourceSpan.StartOf(rel), $"This file {active}: published at {output}, it would run on the site's own address.",
                    "Keep only images, PDFs and other documents in content/assets/ (an SVG without scripts or event handlers is fine), or link to the file where it is hosted elsewhere.");
            }
            else
            {
                context.Files.Write(output, bytes);
            }
        }

        sink.ThrowIfErrors();
    }
}
