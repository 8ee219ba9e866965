using NoticeGen.Check;
using NoticeGen.Load;
using NoticeGen.Render;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using SourceSpan = NoticeGen.Check.SourceSpan;

namespace NoticeGen.Output;

/// <summary>
/// The site's Scriban page templates (templates/*.sbn), each parsed once per build; includes find templates among
/// those loaded, so nothing outside templates/ is readable. Page templates are the site's code, not editors' text: they
/// run under the generous <see cref="ScribanLimits.SiteTemplates"/>, and may render from several threads at once.
/// </summary>
public sealed class SiteTemplates
{
    public const string Folder = "templates";

    private readonly string _root;
    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);
    private readonly TemplateContextPool _pool = new(ScribanLimits.SiteTemplates);
    private readonly Loader _loader;

    public SiteTemplates(string siteDir)
    {
        _root = Path.GetFullPath(Path.Combine(siteDir, Folder));
        _loader = new Loader(this);
        if (!Directory.Exists(_root))
        {
            throw new UserErrorException(Codes.MissingFile.At(SourceSpan.StartOf(Folder + "/"), "The templates folder is missing.",
                "Restore templates/ from the NoticeGen repository, or pass --site with the folder that holds it."));
        }

        var errors = new DiagnosticSink();
        foreach (var path in Directory.EnumerateFiles(_root, "*.sbn", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            // Read as the content is: a template linked to a file outside the site, or not UTF-8, is refused.
            if (SiteFiles.ReadText(siteDir, path, errors) is { } text)
            {
                var name = Name(path);
                errors.Collect(() => _templates[name] = ScribanSandbox.Parse(text, $"{Folder}/{name}"));
            }
        }

        foreach (var (_, source) in Assets().Where(a => !SiteFiles.IsInside(siteDir, a.SourcePath)))
        {
            // Assets are published as they are, so a link to /etc/passwd would publish that file.
            errors.Report(Codes.OutsideSite, SourceSpan.StartOf(ContentLoader.Relative(siteDir, source)),
                "This asset is a link to a file outside the site folder, and is not published.", "Replace the link with the file itself.");
        }

        errors.ThrowIfErrors();
    }

    /// <summary>Static files copied as they are (stylesheet, icons), by output path.</summary>
    public IEnumerable<(string OutputPath, string SourcePath)> Assets()
    {
        var assets = Path.Combine(_root, "assets");
        return Directory.Exists(assets)
            ? Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(p => (SiteLayout.AssetsFolder + Path.GetRelativePath(assets, p).Replace(Path.DirectorySeparatorChar, '/'), p))
            : [];
    }

    public string Render(string name, ScriptObject model)
    {
        if (!_templates.TryGetValue(name, out var template))
        {
            throw new UserErrorException(Codes.MissingFile.At(SourceSpan.StartOf($"{Folder}/{name}"), $"The template {name} is missing.",
                $"Create {Folder}/{name}; NoticeGen renders pages with it."));
        }

        return ScribanSandbox.Render(template, model, _loader, _pool, $"{Folder}/{name}");
    }

    private string Name(string path) => Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>{{ include "partials/x.sbn" }} finds templates by name among those already parsed: nothing outside templates/ is readable.</summary>
    private sealed class Loader(SiteTemplates owner) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templateName)
        {
            if (!owner._templates.TryGetValue(templateName, out var template))
            {
                throw new ScriptRuntimeException(callerSpan, $"There is no template '{templateName}' in {Folder}/ to include");
            }

            var path = $"{Folder}/{templateName}";
            context.CachedTemplates.TryAdd(path, template);
            return path;
        }

        public string Load(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
            throw new InvalidOperationException($"{templatePath} should have come from the parsed templates.");

        public ValueTask<string?> LoadAsync(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }
}
