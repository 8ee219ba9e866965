using System.Text;

namespace NoticeGen.Redline;

/// <summary>How a section or block differs between the old and the new page.</summary>
public enum ChangeKind
{
    Unchanged,
    Added,
    Removed,
    Changed,
}

/// <summary>Whether a token is in both versions, only in the new one, or only in the old one.</summary>
public enum TokenChange
{
    Same,
    Inserted,
    Deleted,
}

/// <summary>Inline formatting of a token; part of its identity, so a word that turns bold counts as changed.</summary>
[Flags]
public enum TextStyle
{
    None = 0,
    Strong = 1,
    Emphasis = 2,
    Code = 4,
}

/// <summary>One word, space, punctuation mark, line break or cell break of a redline, with the link it is inside, if any.</summary>
public sealed record DiffToken(string Text, TokenChange Change, string? Href = null, TextStyle Style = TextStyle.None)
{
    /// <summary>The text of a hard line break (&lt;br&gt;). Spaces are always a single " ", so it cannot be mistaken for one.</summary>
    public const string LineBreak = "\n";

    /// <summary>The text between two cells of a table row.</summary>
    public const string CellBreak = "\t";

    /// <summary>Whether the token counts as a word in the summary: punctuation, spaces and breaks do not.</summary>
    public bool IsWord => Text.EnumerateRunes().Any(Rune.IsLetterOrDigit);
}

/// <summary>An element that holds blocks (list, list item, quote, table part); blocks with the same Key share one such element.</summary>
public sealed record BlockContainer(string Tag, int Key);

/// <summary>
/// One leaf block of a section (paragraph, list item, heading, table row, ...) and its word diff. Containers lead from the
/// section down to the block; Key identifies the block's own element, which a list item's nested lists name as their container.
/// A Replaced block was mostly rewritten: its tokens are the whole old text deleted, then the whole new text inserted.
/// </summary>
public sealed record BlockDiff(
    string Tag,
    ChangeKind Kind,
    IReadOnlyList<DiffToken> Tokens,
    bool Replaced,
    IReadOnlyList<BlockContainer> Containers,
    int Key)
{
    /// <summary>The block's text in the old version; empty for an added block.</summary>
    public string OldText => TextWithout(TokenChange.Inserted);

    /// <summary>The block's text in the new version; empty for a removed block.</summary>
    public string NewText => TextWithout(TokenChange.Deleted);

    /// <summary>Trimmed, since the space between the old and the new text of a replaced block belongs to neither.</summary>
    private string TextWithout(TokenChange side) =>
        string.Concat(Tokens.Where(t => t.Change != side).Select(t => t.Text)).Trim(' ');
}

/// <summary>
/// One section of the redline, matched by id. The intro is the section with id "" and no heading. Moved is set when the
/// section's order among the sections of both versions changed; it is independent of Kind, which describes the text.
/// </summary>
public sealed record SectionDiff(
    string Id,
    ChangeKind Kind,
    string? OldHeading,
    string? NewHeading,
    IReadOnlyList<DiffToken> HeadingTokens,
    bool Moved,
    IReadOnlyList<BlockDiff> Blocks)
{
    public bool IsIntro => Id.Length == 0;

    /// <summary>
    /// True when the heading changed only in its leading number (a section added or removed before it): the number's
    /// diff is shown, but the section does not count as changed.
    /// </summary>
    public bool Renumbered { get; init; }

    /// <summary>What happened to the section, in words for a note beside its heading ("moved, changed").</summary>
    public string Describe()
    {
        var kind = Kind switch
        {
            ChangeKind.Added => "new section",
            ChangeKind.Removed => "section removed",
            ChangeKind.Changed => "changed",
            _ => Renumbered ? "renumbered" : "unchanged",
        };
        return Moved ? $"moved, {kind}" : kind;
    }

    /// <summary>The heading to name the section by: the new one, or the old one for a removed section.</summary>
    public string Heading => NewHeading ?? OldHeading ?? string.Empty;

    public bool HasChanges => Kind != ChangeKind.Unchanged || Moved;
}

/// <summary>How much a page changed; the intro counts as a section.</summary>
public sealed record RedlineSummary(
    int SectionsAdded,
    int SectionsRemoved,
    int SectionsChanged,
    int SectionsMoved,
    int WordsAdded,
    int WordsRemoved)
{
    public bool HasChanges => SectionsAdded + SectionsRemoved + SectionsChanged + SectionsMoved > 0;

    /// <summary>Plain English, e.g. "2 sections changed, 1 added; 14 words added, 3 removed."</summary>
    public string Describe()
    {
        if (!HasChanges)
        {
            return "No changes.";
        }

        var sections = Counts("section", (SectionsChanged, "changed"), (SectionsAdded, "added"), (SectionsRemoved, "removed"), (SectionsMoved, "moved"));
        var words = Counts("word", (WordsAdded, "added"), (WordsRemoved, "removed"));
        return string.Join("; ", new[] { sections, words }.Where(s => s.Length > 0)) + ".";
    }

    /// <summary>"2 sections changed, 1 added": only the first count names the noun, as people write it.</summary>
    private static string Counts(string noun, params (int Count, string Verb)[] counts)
    {
        var parts = counts.Where(c => c.Count > 0).Select((c, i) => i == 0
            ? $"{c.Count} {noun}{(c.Count == 1 ? string.Empty : "s")} {c.Verb}"
            : $"{c.Count} {c.Verb}");
        return string.Join(", ", parts);
    }
}

/// <summary>The redline of one page: its sections in the new order, removed ones where they stood, and a summary.</summary>
public sealed record PageDiff(string Title, IReadOnlyList<SectionDiff> Sections, RedlineSummary Summary)
{
    /// <summary>
    /// Only what changed, for tools (diff --format json): the sections with changes, each with only its changed blocks, and
    /// the summary of the whole page. The unchanged text would otherwise be most of the output for a small change.
    /// </summary>
    public PageDiff Changes() => this with
    {
        Sections = Sections
            .Where(s => s.HasChanges)
            .Select(s => s with { Blocks = s.Blocks.Where(b => b.Kind != ChangeKind.Unchanged).ToList() })
            .ToList(),
    };
}
