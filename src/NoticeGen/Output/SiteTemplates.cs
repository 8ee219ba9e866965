using NoticeGen.Check;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using SourceSpan = NoticeGen.Check.SourceSpan;

namespace NoticeGen.Render;

/// <summary>The site's Scriban page templates (templates/*.sbn), parsed once; includes cannot leave the templates folder.</summary>
public sealed class SiteTemplates
{
    public const string Folder = "templates";

    private readonly string _root;
    private readonly string _siteDir;
    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);

    public SiteTemplates(string siteDir)
    {
        _siteDir = siteDir;
        _root = Path.GetFullPath(Path.Combine(siteDir, Folder));
        if (!Directory.Exists(_root))
        {
            throw new UserErrorException(Diagnostic.Error(SourceSpan.StartOf(Folder + "/"), "The templates folder is missing.",
                "Restore templates/ from the NoticeGen repository, or pass --site with the folder that holds it."));
        }

        var errors = new List<Diagnostic>();
        foreach (var path in Directory.EnumerateFiles(_root, "*.sbn", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                _templates[Name(path)] = ScribanSandbox.Parse(File.ReadAllText(path), RelativeFile(path));
            }
            catch (UserErrorException ex)
            {
                errors.AddRange(ex.Diagnostics);
            }
        }

        if (errors.Count > 0)
        {
            throw new UserErrorException(errors);
        }
    }

    /// <summary>Static files copied as they are (stylesheet, icons), by output path.</summary>
    public IEnumerable<(string OutputPath, string SourcePath)> Assets()
    {
        var assets = Path.Combine(_root, "assets");
        return Directory.Exists(assets)
            ? Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(p => ("assets/" + Path.GetRelativePath(assets, p).Replace(Path.DirectorySeparatorChar, '/'), p))
            : [];
    }

    public string Render(string name, ScriptObject model)
    {
        if (!_templates.TryGetValue(name, out var template))
        {
            throw new UserErrorException(Diagnostic.Error(SourceSpan.StartOf($"{Folder}/{name}"), $"The template {name} is missing.",
                $"Create {Folder}/{name}; NoticeGen renders pages with it."));
        }

        var context = ScribanSandbox.CreateContext(model, new Loader(this));
        return ScribanSandbox.Render(template, context, $"{Folder}/{name}");
    }

    private string Name(string path) => Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/');

    private string RelativeFile(string path) => Path.GetRelativePath(_siteDir, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>{{ include "partials/x.sbn" }} finds templates by name among those already loaded: nothing outside templates/ is readable.</summary>
    private sealed class Loader(SiteTemplates owner) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templateName)
        {
            if (!owner._templates.ContainsKey(templateName))
            {
                throw new ScriptRuntimeException(callerSpan, $"There is no template '{templateName}' in {Folder}/ to include");
            }

            return $"{Folder}/{templateName}";
        }

        public string Load(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
            File.ReadAllText(Path.Combine(owner._root, templatePath[(Folder.Length + 1)..]));

        public ValueTask<string?> LoadAsync(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }
}
