using System.Text;
using System.Text.Json.Serialization;

namespace NoticeGen.Redline;

/// <summary>How a section or block differs between the old and the new page.</summary>
public enum ChangeKind
{
    Unchanged,
    Added,
    Removed,
    Changed,

    /// <summary>
    /// A block's old place, when the block moved elsewhere on the page (its text, with any edits, shows at the new place); for a
    /// passage, a block that moved with its text unchanged.
    /// </summary>
    Moved,
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
    Superscript = 8,
    Subscript = 16,
}

/// <summary>One word, space, punctuation mark, line break or cell break of a redline, with the link it is inside, if any.</summary>
public sealed record DiffToken(string Text, TokenChange Change, string? Href = null, TextStyle Style = TextStyle.None)
{
    private readonly InlineMarkup? _markup;

    /// <summary>The text of a hard line break (&lt;br&gt;). Spaces are always a single " ", so it cannot be mistaken for one.</summary>
    public const string LineBreak = "\n";

    /// <summary>The text between two cells of a table row.</summary>
    public const string CellBreak = "\t";

    /// <summary>Whether the token counts as a word in the summary: punctuation, spaces and breaks do not.</summary>
    public bool IsWord => Text.EnumerateRunes().Any(Rune.IsLetterOrDigit);

    /// <summary>Whether the token is the space between words (always a single " ").</summary>
    [JsonIgnore]
    public bool IsSpace => Text == " ";

    /// <summary>The link target the token had in the old version, set only when MarkupChanged (then null means no link).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OldHref => OldMarkup?.Href;

    /// <summary>The formatting the token had in the old version: set only when MarkupChanged.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TextStyle? OldStyle => OldMarkup?.Style;

    /// <summary>The token is in both versions, with another link, formatting or other inline markup.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool MarkupChanged => OldMarkup is not null;

    /// <summary>Every inline element the token sits in, in this version (the old one for a deleted token).</summary>
    internal InlineMarkup Markup
    {
        get => _markup ?? InlineMarkup.From(Href, Style);
        init => _markup = value;
    }

    /// <summary>The old version's inline elements of a Same token, when they differ from Markup.</summary>
    internal InlineMarkup? OldMarkup { get; init; }

    internal static DiffToken Of(string text, TokenChange change, InlineMarkup markup, InlineMarkup? oldMarkup = null) =>
        new(text, change, markup.Href, markup.Style) { Markup = markup, OldMarkup = oldMarkup };
}

/// <summary>
/// An element that holds blocks (list, list item, quote, table part); blocks with the same Key share one such element. Two
/// containers are the same element when tag and key agree; the attributes (a list's start, a class) come along for rendering.
/// </summary>
public sealed record BlockContainer(string Tag, int Key)
{
    /// <summary>The element's attributes, in name order (for rendering; tools read a block's form change in BlockDiff.FormatNote).</summary>
    [JsonIgnore]
    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; init; } = [];

    public bool Equals(BlockContainer? other) => other is not null && Tag == other.Tag && Key == other.Key;

    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Tag), Key);
}

/// <summary>
/// A block that moved: the move's number on the page (it names the anchors that link its two places), the sections it moved
/// from and to (the same one for a move inside a section), how to name them to a reader ("section 3", "“Contact”"), whether
/// it moved further down the page, and the first words of its old text, to tell a reader at its old place what went.
/// </summary>
public sealed record BlockMove(int Number, string FromSectionId, string FromLabel, string ToSectionId, string ToLabel, bool Down, string Excerpt)
{
    public bool WithinSection => FromSectionId == ToSectionId;
}

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
    /// <summary>
    /// A change to the block itself rather than its words, in words for a reader: "heading level 3 → 4", "was a paragraph",
    /// "split from one paragraph", "attributes changed". Null when the block kept its form.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FormatNote { get; init; }

    /// <summary>Set on a moved block at its new place, and on the block of kind Moved left at its old place.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BlockMove? Move { get; init; }

    /// <summary>Blocks split, merged or regrouped from the same old blocks share a group number above zero; 0 for a block on its own.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Group { get; init; }

    /// <summary>The block element's own attributes, in name order.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> Attributes { get; init; } = [];

    /// <summary>On the first block of a split, merge or regrouping: the old blocks' text, a line break between blocks.</summary>
    internal string? RegroupedOldText { get; init; }

    /// <summary>A table row's cells (tag and attributes), and for a replaced row the old row's.</summary>
    internal IReadOnlyList<InlineElement> Cells { get; init; } = [];

    internal IReadOnlyList<InlineElement> OldCells { get; init; } = [];

    /// <summary>The block is worth showing: its text, links or form changed, it moved, or it is where a moved block stood.</summary>
    [JsonIgnore]
    public bool HasChanges => Kind != ChangeKind.Unchanged || Move is not null;

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
    /// The moved sections whose old place is right after this one, in old order: the redline shows a "moved to" note there,
    /// so that a reader of the old order finds them, and taking each back there gives the old page.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> MovedAwayAfter { get; init; } = [];

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

/// <summary>
/// How much a page changed; the intro counts as a section. Words are counted once each, added or removed; a link that kept its
/// words but changed its target counts as one link change; each formatting change (inline, or of a block's form) as one; a
/// block that moved as one moved passage, with no words added or removed unless edited too. The last three are left out of
/// JSON when zero.
/// </summary>
public sealed record RedlineSummary(
    int SectionsAdded,
    int SectionsRemoved,
    int SectionsChanged,
    int SectionsMoved,
    int WordsAdded,
    int WordsRemoved,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int LinksChanged = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int FormattingChanged = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int BlocksMoved = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool TitleChanged = false)
{
    public bool HasChanges =>
        TitleChanged || SectionsAdded + SectionsRemoved + SectionsChanged + SectionsMoved + WordsAdded + WordsRemoved + LinksChanged + FormattingChanged + BlocksMoved > 0;

    /// <summary>Plain English, e.g. "2 sections changed, 1 added; 14 words added, 3 removed; 1 link changed; 2 formatting changes; 1 passage moved."</summary>
    public string Describe()
    {
        if (!HasChanges)
        {
            return "No changes.";
        }

        var sections = Counts("section", (SectionsChanged, "changed"), (SectionsAdded, "added"), (SectionsRemoved, "removed"), (SectionsMoved, "moved"));
        var words = Counts("word", (WordsAdded, "added"), (WordsRemoved, "removed"));
        var links = Counts("link", (LinksChanged, "changed"));
        var formatting = FormattingChanged switch
        {
            0 => string.Empty,
            1 => "1 formatting change",
            _ => $"{FormattingChanged} formatting changes",
        };
        var moved = Counts("passage", (BlocksMoved, "moved"));
        var title = TitleChanged ? "title changed" : string.Empty;
        var described = string.Join("; ", new[] { title, sections, words, links, formatting, moved }.Where(s => s.Length > 0)) + ".";
        return char.ToUpperInvariant(described[0]) + described[1..];
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

/// <summary>
/// The redline of one page: its sections in the new order, removed ones where they stood, and a summary. When the page's
/// title changed, <see cref="TitleTokens"/> is its word diff (null otherwise).
/// </summary>
public sealed record PageDiff(string Title, IReadOnlyList<SectionDiff> Sections, RedlineSummary Summary, IReadOnlyList<DiffToken>? TitleTokens = null)
{
    /// <summary>The title before the change, when it changed.</summary>
    public string? OldTitle { get; init; }

    /// <summary>
    /// Only what changed, for tools (diff --format json): the sections with changes, each with only its changed blocks, and
    /// the summary of the whole page. The unchanged text would otherwise be most of the output for a small change.
    /// </summary>
    public PageDiff Changes() => this with
    {
        Sections = Sections
            .Where(s => s.HasChanges)
            .Select(s => s with { Blocks = s.Blocks.Where(b => b.HasChanges).ToList() })
            .ToList(),
    };
}
