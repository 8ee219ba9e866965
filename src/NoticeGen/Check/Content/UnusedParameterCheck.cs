using System.Text.RegularExpressions;
using NoticeGen.Load;

namespace NoticeGen.Check.Content;

/// <summary>
/// A parameter defined in site.yml or a fragment's front matter that no fragment or page template uses: usually a
/// value that was renamed in the text but not in the definition, so the published text lost it.
/// </summary>
public sealed partial class UnusedParameterCheck : IContentCheck
{
    public IReadOnlyList<DiagnosticCode> Codes { get; } = [Check.Codes.UnusedParameter];

    public void Run(ContentCheckContext context, DiagnosticSink sink)
    {
        var fragments = context.Working.Fragments;
        var templates = TemplateTexts(context.SiteDir);
        var code = string.Join('\n', fragments.Select(f => f.Code).Concat(templates));
        var site = context.Working.Site;
        foreach (var (name, where) in site.Site.ParamSpans)
        {
            // A page template may ask for a site parameter by name: site | object.has_key "organization".
            if (!Uses(code, "site", name) && !templates.Any(t => t.Contains('"' + name + '"', StringComparison.Ordinal)))
            {
                Report(sink, where, $"site.{name}", "site.yml");
            }
        }

        foreach (var notice in site.Notices)
        {
            foreach (var (name, where) in notice.ParamSpans.Where(p => !Uses(code, "notice", p.Key)))
            {
                Report(sink, where, $"notice.{name}", $"notice '{notice.Id}'");
            }
        }

        foreach (var fragment in fragments)
        {
            // An included fragment sees the params of the fragment that includes it, so those count as uses too.
            var own = fragment.Code + "\n" + string.Join('\n', TemplateCalls.Includes(fragment.Code)
                .Select(i => context.Working.Find(i.Value)?.Code ?? string.Empty));
            foreach (var (name, where) in fragment.ParamSpans.Where(p => !Uses(own, "params", p.Key)))
            {
                Report(sink, where, $"params.{name}", $"the fragment '{fragment.Id}'");
            }
        }
    }

    private static void Report(DiagnosticSink sink, SourceSpan where, string variable, string owner) =>
        sink.Report(Check.Codes.UnusedParameter, where, $"The parameter {variable} of {owner} is not used by any fragment or template.",
            $"Use it as {{{{ {variable} }}}} where the text needs it, or remove it.");

    private static bool Uses(string code, string scope, string name) =>
        Regex.IsMatch(code, $@"\b{scope}\s*\.\s*{Regex.Escape(name)}\b|\b{scope}\s*\[\s*""{Regex.Escape(name)}""\s*\]");

    // The built-in theme counts too: a site without templates/ still has its footer ask for site.organization.
    private static IReadOnlyList<string> TemplateTexts(string siteDir) => global::NoticeGen.Output.SiteTemplates.Texts(siteDir);
}
