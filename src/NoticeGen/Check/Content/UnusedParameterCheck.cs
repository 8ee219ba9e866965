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
        var code = fragments.Select(f => f.Code).Concat(templates).ToList();
        // Each text is read once for every site.x and notice.x it uses: a search of all the text for each parameter of
        // each notice took seconds at 900 notices.
        var used = code.SelectMany(UsedNames).ToHashSet(StringComparer.Ordinal);
        bool Used(string scope, string name) => used.Contains(scope + "." + name);
        var site = context.Working.Site;
        foreach (var (name, where) in site.Site.ParamSpans)
        {
            // A page template may ask for a site parameter by name: site | object.has_key "organization".
            if (!Used("site", name) && !templates.Any(t => t.Contains('"' + name + '"', StringComparison.Ordinal)))
            {
                Report(sink, where, $"site.{name}", "site.yml");
            }
        }

        foreach (var notice in site.Notices)
        {
            foreach (var (name, where) in notice.ParamSpans.Where(p => !Used("notice", p.Key)))
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

    /// <summary>
    /// Each site.NAME and notice.NAME (or site["NAME"]) that <paramref name="code"/> reads. Parameter names are letters,
    /// digits and '_' (the loader refuses others), so a name is the whole word after the dot: notice.a_b reads a_b, not a.
    /// </summary>
    private static IEnumerable<string> UsedNames(string code) =>
        Member().Matches(code).Select(m => m.Groups["scope"].Value + "." + (m.Groups["name"].Success ? m.Groups["name"] : m.Groups["key"]).Value);

    // The member is read ahead without being consumed, so that "site.notice.x" is read as site.notice and notice.x.
    [GeneratedRegex(@"\b(?<scope>site|notice)(?=\s*(?:\.\s*(?<name>\w+)|\[\s*""(?<key>[^""]*)""\s*\]))")]
    private static partial Regex Member();

    private static bool Uses(string code, string scope, string name) =>
        Regex.IsMatch(code, $@"\b{scope}\s*\.\s*{Regex.Escape(name)}\b|\b{scope}\s*\[\s*""{Regex.Escape(name)}""\s*\]");

    // The built-in theme counts too: a site without templates/ still has its footer ask for site.organization.
    private static IReadOnlyList<string> TemplateTexts(string siteDir) => global::NoticeGen.Output.SiteTemplates.Texts(siteDir);
}
