namespace NoticeGen.Import;

/// <summary>
/// What the versions imported so far leave for the next: the section fragments (including those a version dropped, so a
/// section that returns gets its old id back), the notices, and every id ever used (a new section never takes an old id).
/// </summary>
public sealed record ImportState(IReadOnlyList<KnownFragment> Fragments, IReadOnlyList<KnownNotice> Notices, IReadOnlySet<string> UsedIds)
{
    public static ImportState Empty { get; } = new([], [], new HashSet<string>(StringComparer.Ordinal));
}
