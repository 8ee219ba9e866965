using NoticeGen.Check;

namespace NoticeGen.Import;

/// <summary>A section the source repeats word for word, written once as <see cref="FragmentId"/> and listed in each notice.</summary>
public sealed record DuplicateSection(string FragmentId, string Title, IReadOnlyList<SourceSpan> Places, IReadOnlyList<string> Notices);
