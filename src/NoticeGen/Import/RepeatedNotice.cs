using NoticeGen.Check;
using NoticeGen.Check.Content;

namespace NoticeGen.Import;

/// <summary>
/// A whole notice that repeats an earlier one (a second copy pasted into the page) and was skipped: where it is, which
/// notice it repeats, how alike they are, and the words only the copy has (that skipping it leaves out).
/// </summary>
public sealed record RepeatedNotice(string Title, SourceSpan Where, int LastLine, string Original, SourceSpan OriginalWhere, double Similarity, IReadOnlyList<WordChange> OnlyInCopy);
