namespace NoticeGen.Check.Content;

/// <summary>
/// Paragraphs in different fragments that say nearly the same thing (word similarity 0.9 or more): the drift that made
/// the seed's near-copies. Reported at the second of the two places, with the first place and the words that differ.
/// </summary>
public sealed class NearDuplicateCheck : IContentCheck
{
    public IReadOnlyList<DiagnosticCode> Codes { get; } = [Check.Codes.NearDuplicate];

    public void Run(ContentCheckContext context, DiagnosticSink sink)
    {
        var paragraphs = context.Working.Fragments.SelectMany(FragmentParagraphs.Of).ToList();
        foreach (var pair in NearDuplicateFinder.Find(paragraphs).Pairs)
        {
            sink.Report(Check.Codes.NearDuplicate, pair.Second.Where,
                $"This paragraph is {NearDuplicate.Percent(pair.Similarity)} like the one at {pair.First.Where} ('{pair.First.FragmentId}')"
                + (pair.Changes.Count == 0 ? ", word for word." : ": " + string.Join("; ", pair.Changes) + "."),
                pair.Suggestion);
        }
    }
}
