namespace NoticeGen.Check.Coverage;

/// <summary>
/// A requirement of a law that a page does not meet: which page, which law (and the page's jurisdictions that bring it
/// in), which rule with its legal source, what is wrong and what to do.
/// </summary>
public sealed record CoverageFinding(PageIdentity Page, Law Law, IReadOnlyList<string> Jurisdictions, CoverageRule Rule, string Message, string Fix)
{
    /// <summary>A warning at the notice's definition in site.yml, in the one-line format of every diagnostic.</summary>
    public Diagnostic ToDiagnostic() => (Rule.Kind == RuleKind.Topic ? Codes.CoverageTopic : Codes.CoverageDate).At(Page.Where, Message, Fix);

    /// <summary>"websites/california ccpa requests.agent": page, law and rule, the short form tests and summaries list.</summary>
    public override string ToString() => $"{Page} {Law.Id} {Rule.Id}";
}
