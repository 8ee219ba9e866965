namespace NoticeGen.Redline;

/// <summary>A run of a section's block alignment and, for a run of differing blocks, its steps before moves are taken out.</summary>
internal sealed record SectionRun(AlignedRun Aligned, IReadOnlyList<RunStep> Steps)
{
    /// <summary>The runs of a section: its block alignment, each unequal run aligned on its words.</summary>
    public static List<SectionRun> Of(IReadOnlyList<SourceBlock> old, IReadOnlyList<SourceBlock> @new)
    {
        var aligned = old.Count == 0 || @new.Count == 0
            ? [new AlignedRun(false, 0, old.Count, 0, @new.Count)]
            : SequenceAligner.Align(old.Select(b => b.AlignKey).ToList(), @new.Select(b => b.AlignKey).ToList());
        var none = new HashSet<int>();
        return aligned.Select(run => new SectionRun(run, run.Equal ? [] : RunAligner.Align(
            old.Skip(run.OldStart).Take(run.OldCount).ToList(), @new.Skip(run.NewStart).Take(run.NewCount).ToList(), none, none))).ToList();
    }

    /// <summary>
    /// The blocks of the run that found no partner in place: removed, added, or paired by position though they share few words.
    /// Only these may turn out to have moved.
    /// </summary>
    public IEnumerable<(SourceBlock? Old, SourceBlock? New)> Unpartnered(IReadOnlyList<SourceBlock> old, IReadOnlyList<SourceBlock> @new)
    {
        foreach (var step in Steps)
        {
            var o = step.OldCount == 1 ? old[Aligned.OldStart + step.OldStart] : null;
            var n = step.NewCount == 1 ? @new[Aligned.NewStart + step.NewStart] : null;
            if (step.Kind is StepKind.Removed or StepKind.Added
                || (step.Kind == StepKind.Positional && WordDiffer.Similarity(o!.Tokens, n!.Tokens) < WordDiffer.PairingThreshold))
            {
                yield return (o, n);
            }
        }
    }
}
