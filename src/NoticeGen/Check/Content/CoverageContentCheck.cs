using NoticeGen.Check.Coverage;
using NoticeGen.Load;

namespace NoticeGen.Check.Content;

/// <summary>
/// Legal coverage as data: each audience page against the rules of its jurisdictions' laws (see Check/Coverage), with
/// the topics its sections declare in 'covers:' and its last-updated date.
/// </summary>
public sealed class CoverageContentCheck : IContentCheck
{
    public IReadOnlyList<DiagnosticCode> Codes { get; } =
        [Check.Codes.CoverageTopic, Check.Codes.CoverageDate, Check.Codes.UnknownTopic, Check.Codes.RuleFile, Check.Codes.RuleFileIgnored, Check.Codes.UncheckedJurisdiction];

    public void Run(ContentCheckContext context, DiagnosticSink sink)
    {
        var site = context.Working.Site;
        // The rule files are read with a sink of their own: the loader stops on its own errors, not on those of other stages.
        var own = new DiagnosticSink();
        var rules = own.Collect(() => RuleLoader.Load(context.SiteDir, own));
        sink.AddRange(own.Items);
        if (rules is null)
        {
            return;
        }

        var explicitLaws = site.Jurisdictions.Where(j => j.Laws is not null).ToDictionary(j => j.Id, j => j.Laws!);
        var where = site.Jurisdictions.Where(j => j.LawsWhere is not null).ToDictionary(j => j.Id, j => j.LawsWhere!);
        var laws = LawMap.Resolve(rules, site.Jurisdictions.Select(j => j.Id), explicitLaws, sink,
            j => where.GetValueOrDefault(j) ?? SourceSpan.StartOf(SiteLoader.FileName));
        sink.AddRange(CoverageCheck.Run(context.Plan, rules, laws,
            key => context.PageDates(key) is { } dates ? new PageDates(dates.LastUpdated, dates.LastReviewed) : PageDates.None,
            context.Today,
            notice => (notice.Sources.Contains("person") ? DataSources.FromPerson : 0) | (notice.Sources.Contains("others") ? DataSources.FromOthers : 0)));
    }
}
