using NoticeGen.Check;
using NoticeGen.Compose;
using NoticeGen.Load;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using SourceSpan = NoticeGen.Check.SourceSpan;

namespace NoticeGen.Render;

/// <summary>
/// Runs the Scriban layer of fragments: {{ notice.product }}, {{ if applies "california" }}, {{ include "id" }}.
/// Each fragment is parsed once; rendering is per page, with only the site, notice, audience and the fragment's params in scope.
/// </summary>
public sealed class FragmentTemplates
{
    private readonly ContentSet _content;
    private readonly Dictionary<string, Template> _parsed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known;
    private readonly ScriptObject _site;
    private readonly Dictionary<string, ScriptObject> _notices;
    private readonly FragmentLoader _loader;

    public FragmentTemplates(ContentSet content)
    {
        _content = content;
        _known = content.Site.Jurisdictions.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        _site = SiteObject(content.Site.Site);
        _notices = content.Site.Notices.ToDictionary(n => n.Id, NoticeObject, StringComparer.Ordinal);
        _loader = new FragmentLoader(content, _parsed);
        var diagnostics = new DiagnosticSink();
        var known = _known;
        foreach (var fragment in content.Fragments)
        {
            try
            {
                // Text without template code renders as itself: most fragments never reach Scriban at all.
                if (fragment.IsTemplate && HasCode(fragment.Template))
                {
                    _parsed[fragment.Id] = PassageMarks.Insert(ScribanSandbox.Parse(fragment.Template, fragment.File));
                }
            }
            catch (UserErrorException ex)
            {
                foreach (var d in ex.Diagnostics)
                {
                    diagnostics.Add(d);
                }
            }

            CheckNames(fragment, known, diagnostics);
        }

        CheckCycles(diagnostics);
        diagnostics.ThrowIfErrors();
    }

    /// <summary>
    /// Checks the jurisdictions of every 'applies' and the target of every 'include' up front: at render time a
    /// misspelt id inside a branch that no page takes would otherwise go unnoticed.
    /// </summary>
    private void CheckNames(Fragment fragment, HashSet<string> jurisdictions, DiagnosticSink diagnostics)
    {
        foreach (var id in TemplateCalls.AppliesIds(fragment.Code).Where(a => !jurisdictions.Contains(a.Value)))
        {
            diagnostics.Report(Codes.UnknownName, At(fragment, id.Index), $"Unknown jurisdiction '{id.Value}' in 'applies'.",
                $"Use one of the ids under 'jurisdictions' in site.yml ({string.Join(", ", jurisdictions)}).");
        }

        foreach (var id in TemplateCalls.Includes(fragment.Code).Where(i => _content.Find(i.Value) is null))
        {
            diagnostics.Report(Codes.Include, At(fragment, id.Index), $"There is no fragment with id '{id.Value}' to include.",
                "Include a fragment by the id in its front matter.");
        }

        foreach (var index in TemplateCalls.NonLiteralIncludes(fragment.Code))
        {
            diagnostics.Report(Codes.Include, At(fragment, index), "'include' must name a fragment id in quotes.",
                "Write {{ include \"fragment-id\" }}: a release freezes exactly the fragments named this way.");
        }
    }

    /// <summary>An include cycle would only stop at Scriban's recursion limit, with a message that names neither file.</summary>
    private void CheckCycles(DiagnosticSink diagnostics)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fragment in _content.Fragments)
        {
            Visit(fragment, [], done, diagnostics);
        }
    }

    private void Visit(Fragment fragment, List<string> path, HashSet<string> done, DiagnosticSink diagnostics)
    {
        if (done.Contains(fragment.Id))
        {
            return;
        }

        path.Add(fragment.Id);
        foreach (var include in TemplateCalls.Includes(fragment.Code))
        {
            if (path.Contains(include.Value))
            {
                var cycle = path.SkipWhile(id => id != include.Value).Append(include.Value);
                diagnostics.Report(Codes.Include, At(fragment, include.Index), $"Fragments include each other in a circle: {string.Join(" → ", cycle)}.",
                    "Remove one of these includes; put the shared text in a fragment that includes nothing.");
            }
            else if (_content.Find(include.Value) is { } next)
            {
                Visit(next, path, done, diagnostics);
            }
        }

        path.RemoveAt(path.Count - 1);
        done.Add(fragment.Id);
    }

    private static SourceSpan At(Fragment fragment, int index) => SourceSpan.At(fragment.File, fragment.Template, index);

    /// <summary>Whether a text holds Scriban code ({{ }} or a {%{ }%} escape block); text without it renders as itself.</summary>
    public static bool HasCode(string template) =>
        template.Contains("{{", StringComparison.Ordinal) || template.Contains("{%{", StringComparison.Ordinal);

    /// <summary>The fragment's Markdown for one page; <paramref name="pool"/> lends the Scriban context.</summary>
    public string Render(Fragment fragment, Notice? notice, Audience audience, TemplateContextPool pool)
    {
        if (!_parsed.TryGetValue(fragment.Id, out var template))
        {
            return fragment.Template;
        }

        var globals = new ScriptObject
        {
            ["site"] = _site,
            ["audience"] = ScriptData.Object(("id", audience.Id), ("name", audience.Name)),
            ["params"] = ScriptData.WithParams(new ScriptObject(), fragment.Params),
        };
        if (notice is not null)
        {
            globals["notice"] = _notices[notice.Id];
        }

        globals["page"] = PageValues;
        globals.SetValue("applies", new AppliesFunction((_, span, ids) => Applies(audience, _known, span, ids)), readOnly: true);
        globals.SetValue("include", new TrimmedInclude(IncludeBuiltin, (id, text) => Limited(fragment, id, text, audience)), readOnly: true);
        globals.SetValue(PassageMarks.FunctionName, PassageMarks.Function(audience.IsEveryone), readOnly: true);
        return ScribanSandbox.Render(template, globals, _loader, pool, fragment.File);
    }

    /// <summary>
    /// Values of the published page a fragment may print. They are known only when the page is written (its stamp depends on
    /// the rendered text), so they render as placeholders that Output/LinkResolver fills in.
    /// </summary>
    private static readonly ScriptObject PageValues = ScriptData.Object(("last_updated", Placeholders.LastUpdated));

    /// <summary>Scriban's own include: it finds the template through the context's loader and caches it by path.</summary>
    private static readonly IScriptCustomFunction IncludeBuiltin = new Scriban.Functions.IncludeFunction();

    public static ScriptObject SiteObject(SiteInfo site) =>
        ScriptData.WithParams(ScriptData.Object(("title", site.Title), ("lang", site.Language)), site.Params);

    public static ScriptObject NoticeObject(Notice notice) =>
        ScriptData.WithParams(ScriptData.Object(("id", notice.Id), ("title", notice.Title), ("slug", notice.Slug)), notice.Params);

    /// <summary>
    /// An included fragment keeps its own jurisdictions: its text is shown only to the audiences they name, and on the full
    /// notice it is marked as a passage that applies to them, unless the including section is limited to them already.
    /// </summary>
    private string Limited(Fragment including, string id, string text, Audience audience)
    {
        if (_content.Find(id) is not { Jurisdictions.Count: > 0 } included)
        {
            return text;
        }

        if (!audience.IsEveryone)
        {
            return audience.Sees(included.Jurisdictions) ? text : string.Empty;
        }

        var within = including.Jurisdictions.Count > 0 && including.Jurisdictions.All(j => included.Jurisdictions.Contains(j, StringComparer.Ordinal));
        return within ? text : Placeholders.Passage(included.Jurisdictions) + text + Placeholders.PassageEnd;
    }

    private static bool Applies(Audience audience, HashSet<string> known, Scriban.Parsing.SourceSpan span, string[] ids)
    {
        if (ids.Length == 0)
        {
            throw new ScriptRuntimeException(span, "'applies' needs at least one jurisdiction id, as in: if applies \"california\"");
        }

        foreach (var id in ids.Where(i => !known.Contains(i)))
        {
            throw new ScriptRuntimeException(span, $"Unknown jurisdiction '{id}' in 'applies'; use one of: {string.Join(", ", known)}");
        }

        return audience.Sees(ids);
    }

    private delegate bool AppliesDelegate(TemplateContext context, Scriban.Parsing.SourceSpan span, string[] ids);

    /// <summary>applies "id" "id"...: true on the full notice and on pages whose audience includes any of the ids.</summary>
    private sealed class AppliesFunction(AppliesDelegate body) : IScriptCustomFunction
    {
        public int RequiredParameterCount => 1;

        public int ParameterCount => 1;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

        public Type ReturnType => typeof(bool);

        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(string), "jurisdiction");

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var ids = arguments.Select(a => a?.ToString() ?? string.Empty).ToArray();
            return body(context, callerContext?.Span ?? default, ids);
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }

    /// <summary>
    /// Resolves {{ include "id" }} to another fragment, by id only, so an include can never name a file outside the site.
    /// The template parsed up front is placed in the context's cache, so an include is never parsed again.
    /// </summary>
    private sealed class FragmentLoader(ContentSet content, IReadOnlyDictionary<string, Template> parsed) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templateName)
        {
            var fragment = content.Find(templateName)
                ?? throw new ScriptRuntimeException(callerSpan, $"There is no fragment with id '{templateName}' to include");
            if (!context.CachedTemplates.ContainsKey(fragment.File))
            {
                context.CachedTemplates[fragment.File] = parsed.TryGetValue(fragment.Id, out var template)
                    ? template
                    : Template.Parse(fragment.Template, fragment.File);
            }

            return fragment.File;
        }

        public string Load(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
            content.Fragments.First(f => f.File == templatePath).Template;

        public ValueTask<string?> LoadAsync(TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) =>
            ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
    }

    /// <summary>
    /// Scriban's include, with the result trimmed of the blanked front matter and the final newline, so that an include
    /// inside a paragraph or list item does not break it apart while errors keep the included file's own line numbers;
    /// then limited to the included fragment's jurisdictions.
    /// </summary>
    private sealed class TrimmedInclude(IScriptCustomFunction include, Func<string, string, string> limit) : IScriptCustomFunction
    {
        public int RequiredParameterCount => include.RequiredParameterCount;

        public int ParameterCount => include.ParameterCount;

        public ScriptVarParamKind VarParamKind => include.VarParamKind;

        public Type ReturnType => typeof(string);

        public ScriptParameterInfo GetParameterInfo(int index) => include.GetParameterInfo(index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            if (include.Invoke(context, callerContext, arguments, blockStatement) is not string text)
            {
                return null;
            }

            // The included text is marked as a passage of its jurisdictions: marks of NoticeGen's, not a forgery.
            var limited = limit(arguments[0]?.ToString() ?? string.Empty, text.Trim('\n'));
            (context as BoundedTemplateContext)?.AllowMarks(limited);
            return limited;
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }
}
