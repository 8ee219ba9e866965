using NoticeGen.Check;
using NoticeGen.Load;
using NoticeGen.Render;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using SourceSpan = NoticeGen.Check.SourceSpan;

namespace NoticeGen.Output;

/// <summary>
/// The page templates (*.sbn) and theme assets of a build: the built-in theme, with each file the site's templates/
/// holds in its place (a site may replace one partial only, or have no templates/ at all). Each template is parsed
/// once per build; includes find templates among those loaded, so nothing outside templates/ is readable. Page
/// templates are the site's code, not editors' text: they run under the generous <see cref="ScribanLimits.SiteTemplates"/>,
/// and may render from several threads at once.
/// </summary>
public sealed class SiteTemplates
{
    public const string Folder = "templates";

    private readonly Dictionary<string, (Template Template, string File)> _templates = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, ThemeAsset> _assets = new(StringComparer.Ordinal);
    private readonly TemplateContextPool _pool = new(ScribanLimits.SiteTemplates);
    private readonly Loader _loader;

    public SiteTemplates(string siteDir)
    {
        _loader = new Loader(this);
        foreach (var name in BuiltInTheme.Templates)
        {
            var origin = BuiltInTheme.Origin(name);
            _templates[name] = (ScribanSandbox.Parse(BuiltInTheme.ReadText(name), origin), origin);
        }

        foreach (var name in BuiltInTheme.Assets)
        {
            var output = SiteLayout.AssetsFolder + name["assets/".Length..];
            _assets[output] = new ThemeAsset(output, null);
        }

        var root = Path.GetFullPath(Path.Combine(siteDir, Folder));
        if (!Directory.Exists(root))
        {
            return;
        }

        var errors = new DiagnosticSink();
        foreach (var path in SiteTemplateFiles(root))
        {
            // Read as the content is: a template linked to a file outside the site, or not UTF-8, is refused.
            if (SiteFiles.ReadText(siteDir, path, errors) is { } text)
            {
                var name = Name(root, path);
                errors.Collect(() => _templates[name] = (ScribanSandbox.Parse(text, $"{Folder}/{name}"), $"{Folder}/{name}"));
            }
        }

        var assets = Path.Combine(root, "assets");
        IEnumerable<string> siteAssets = Directory.Exists(assets) ? Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [];
        foreach (var path in siteAssets)
        {
            if (!SiteFiles.IsInside(siteDir, path))
            {
                // Assets are published as they are, so a link to /etc/passwd would publish that file.
                errors.Report(Codes.OutsideSite, SourceSpan.StartOf(ContentLoader.Relative(siteDir, path)),
                    "This asset is a link to a file outside the site folder, and is not published.", "Replace the link with the file itself.");
                continue;
            }

            var output = SiteLayout.AssetsFolder + Path.GetRelativePath(assets, path).Replace(Path.DirectorySeparatorChar, '/');
            _assets[output] = new ThemeAsset(output, path);
        }

        errors.ThrowIfErrors();
    }

    /// <summary>Static files copied as they are (stylesheet, icons), by output path: the site's own, else the built-in ones.</summary>
    public IEnumerable<ThemeAsset> Assets() => _assets.Values;

    public string Render(string name, ScriptObject model)
    {
        if (!_templates.TryGetValue(name, out var template))
        {
            throw new UserErrorException(Codes.MissingFile.At(SourceSpan.StartOf($"{Folder}/{name}"), $"The template {name} is missing.",
                $"Create {Folder}/{name}; NoticeGen renders pages with it."));
        }

        return ScribanSandbox.Render(template.Template, model, _loader, _pool, template.File);
    }

    /// <summary>
    /// The text of every template a build of the site uses, built-in ones included, for checks that look for names in
    /// them. The build refuses a template it cannot read; here such a file is only skipped.
    /// </summary>
    public static IReadOnlyList<string> Texts(string siteDir)
    {
        var texts = BuiltInTheme.Templates.ToDictionary(n => n, BuiltInTheme.ReadText, StringComparer.Ordinal);
        var root = Path.GetFullPath(Path.Combine(siteDir, Folder));
        foreach (var path in Directory.Exists(root) ? SiteTemplateFiles(root).Where(p => SiteFiles.IsInside(siteDir, p)) : [])
        {
            texts[Name(root, path)] = System.Text.Encoding.UTF8.GetString(SiteFiles.ReadBytes(path));
        }

        return texts.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Value).ToList();
    }

    private static IEnumerable<string> SiteTemplateFiles(string root) =>
        Directory.EnumerateFiles(root, "*.sbn", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static string Name(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>{{ include "partials/x.sbn" }} finds templates by name among those already parsed: nothing outside templates/ is readable.</summary>
    private sealed class Loader(SiteTemplates owner) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templateName)
        {
            if (!owner._templates.TryGetValue(templateName, out var template))
            {
                throw new ScriptRuntimeException(callerSpan,
                    $"There is no template '{templateName}' in {Folder}/ or the built-in theme ({string.Join(", ", owner._templates.Keys.Order(StringComparer.Ordinal))}) to include");
            }

            var path = $"{Folder}/{templateName}";
            context.CachedTemplates.TryAdd(path, template.Template);
            return path;
        }

        public string Load(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
            throw new InvalidOperationException($"{templatePath} should have come from the parsed templates.");

        public ValueTask<string?> LoadAsync(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }
}
