using NoticeGen.Compose;

namespace NoticeGen.Check.Content;

/// <summary>A fragment no notice lists, includes or uses as an intro: text that is never published, often by mistake.</summary>
public sealed class UnusedFragmentCheck : IContentCheck
{
    public IReadOnlyList<DiagnosticCode> Codes { get; } = [Check.Codes.UnusedFragment];

    public void Run(ContentCheckContext context, DiagnosticSink sink)
    {
        var used = SitePlanner.UsedFragmentIds(context.Working);
        foreach (var fragment in context.Working.Fragments.Where(f => !used.Contains(f.Id)))
        {
            sink.Report(Check.Codes.UnusedFragment, fragment.Where, $"The fragment '{fragment.Id}' is not used by any notice.",
                "Add it to a notice's 'sections' in site.yml, include it from another fragment, or delete it.");
        }
    }
}
