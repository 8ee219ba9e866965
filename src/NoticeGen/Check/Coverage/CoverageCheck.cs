using NoticeGen.Compose;
using NoticeGen.Load;

namespace NoticeGen.Check.Coverage;

/// <summary>
/// The coverage part of <c>noticegen check</c>: unknown topics in <c>covers:</c> (errors), jurisdictions no law maps
/// (warnings: their pages go unchecked), and each page's missing topics and date problems (warnings).
/// </summary>
public static class CoverageCheck
{
    public static IReadOnlyList<Diagnostic> Run(
        SitePlan plan,
        RuleSet rules,
        LawMap laws,
        Func<PageKey, PageDates> dates,
        DateOnly buildDate,
        Func<Notice, DataSources>? sources = null)
    {
        var diagnostics = new List<Diagnostic>(CoverageEvaluator.UnknownTopics(rules, plan.Content.Fragments));
        diagnostics.AddRange(laws.Unmapped.Select(j => Codes.UncheckedJurisdiction.At(
            plan.Content.Site.Jurisdictions.FirstOrDefault(d => d.Id == j)?.Where ?? SourceSpan.StartOf(SiteLoader.FileName),
            $"No law's coverage rules apply to the jurisdiction '{j}', so its pages are not checked for what the law requires.",
            $"Name its laws in site.yml, add rules/<law>.yml with 'default-jurisdictions: [{j}]', or write an empty list of laws to say none applies.")));
        diagnostics.AddRange(CoverageEvaluator.Evaluate(rules, laws, CoveragePages.From(plan, dates, sources), buildDate).Select(f => f.ToDiagnostic()));
        return diagnostics;
    }
}
