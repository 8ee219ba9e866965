namespace NoticeGen.Redline;

/// <summary>What a passage's change is, for tools: new words, a link's new target, formatting, a move, or a whole block added or removed.</summary>
public enum PassageKind
{
    Words,
    Link,
    Formatting,
    Moved,
    Added,
    Removed,
}

/// <summary>
/// A changed passage for a changelog or a machine-readable diff: its section, how it changed (Kind, and in more detail Change),
/// the redline HTML of just that passage, and its old and new text as plain text (a line break between blocks, a tab between
/// table cells). A passage is a heading, a block, or the blocks a split, merge or regrouping made.
/// </summary>
public sealed record RedlinePassage(string SectionId, string SectionHeading, ChangeKind Kind, string Html)
{
    public PassageKind Change { get; init; }

    public string OldText { get; init; } = string.Empty;

    public string NewText { get; init; } = string.Empty;
}

/// <summary>Picks the changed passages out of a page diff, in page order.</summary>
public static class RedlinePassages
{
    /// <summary>
    /// The section id of a passage that changes the page's title: "ng-" ids are the page's own, never a fragment's.
    /// </summary>
    public const string TitleId = "ng-title";

    /// <summary>
    /// The changed passages as compact data for tools (diff --format json, APIs): the same passages as ChangedBlocks, in the same
    /// order, each with its section id, kind and old and new text, and its HTML only when html is true.
    /// </summary>
    public static IReadOnlyList<PassageData> PassageData(this PageDiff diff, bool html = false)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return Passages(diff, html).Select(p => new PassageData(
            p.SectionId,
            p.Change.ToString().ToLowerInvariant(),
            p.Change == PassageKind.Added ? null : p.OldText,
            p.Change == PassageKind.Removed ? null : p.NewText,
            html ? p.Html : null)).ToList();
    }

    /// <summary>
    /// A changed title, each changed heading and each changed block (or group of blocks), the blocks of added and removed sections included. Headings
    /// come as paragraphs (class heading-change): a passage sits under the changelog's or feed's own headings. A moved block is one
    /// passage, at its new place; its old place adds nothing to quote.
    /// </summary>
    public static IReadOnlyList<RedlinePassage> ChangedBlocks(this PageDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return Passages(diff, html: true);
    }

    /// <summary>The passages, their HTML rendered only when asked for (it is most of the cost).</summary>
    private static List<RedlinePassage> Passages(PageDiff diff, bool html)
    {
        var passages = new List<RedlinePassage>();
        if (diff.TitleTokens is { } title)
        {
            passages.Add(new RedlinePassage(TitleId, "Title", ChangeKind.Changed, html ? RedlineHtml.RenderTitlePassage(title) : string.Empty)
            {
                Change = PassageKind.Words,
                OldText = diff.OldTitle ?? string.Empty,
                NewText = diff.Title,
            });
        }

        foreach (var section in diff.Sections.Where(s => s.HasChanges))
        {
            if (section.Moved || (!section.Renumbered && section.HeadingTokens.Any(t => t.Change != TokenChange.Same)))
            {
                var change = section.Kind switch
                {
                    ChangeKind.Added => PassageKind.Added,
                    ChangeKind.Removed => PassageKind.Removed,
                    _ when !section.Renumbered && section.HeadingTokens.Any(t => t.Change != TokenChange.Same) => PassageKind.Words,
                    _ => PassageKind.Moved,
                };
                passages.Add(new RedlinePassage(section.Id, section.Heading, section.Kind == ChangeKind.Unchanged ? ChangeKind.Moved : section.Kind,
                    html ? RedlineHtml.RenderHeadingPassage(section) : string.Empty)
                {
                    Change = change,
                    OldText = section.OldHeading ?? string.Empty,
                    NewText = section.NewHeading ?? string.Empty,
                });
            }

            var blocks = section.Blocks.Where(b => b.HasChanges && b.Kind != ChangeKind.Moved).ToList();
            for (var i = 0; i < blocks.Count;)
            {
                var end = i + 1;
                while (blocks[i].Group > 0 && end < blocks.Count && blocks[end].Group == blocks[i].Group)
                {
                    end++;
                }

                var group = blocks.GetRange(i, end - i);
                passages.Add(new RedlinePassage(section.Id, section.Heading, KindOf(group), html ? RedlineHtml.RenderBlocks(group) : string.Empty)
                {
                    Change = ChangeOf(group),
                    OldText = group[0].RegroupedOldText ?? string.Join("\n", group.Select(b => b.OldText).Where(t => t.Length > 0)),
                    NewText = string.Join("\n", group.Select(b => b.NewText).Where(t => t.Length > 0)),
                });
                i = end;
            }
        }

        return passages;
    }

    private static ChangeKind KindOf(List<BlockDiff> group) =>
        group.Count > 1 ? ChangeKind.Changed : group[0] is { Move: not null, Kind: ChangeKind.Unchanged } ? ChangeKind.Moved : group[0].Kind;

    private static PassageKind ChangeOf(List<BlockDiff> group)
    {
        var block = group[0];
        if (group.Count == 1 && block.Kind is ChangeKind.Added or ChangeKind.Removed)
        {
            return block.Kind == ChangeKind.Added ? PassageKind.Added : PassageKind.Removed;
        }

        if (group.Count == 1 && block.Move is not null)
        {
            return PassageKind.Moved;
        }

        var tokens = group.SelectMany(b => b.Tokens).ToList();
        if (tokens.Any(t => t.Change != TokenChange.Same))
        {
            return PassageKind.Words;
        }

        return MarkupRuns.Of(tokens).Any(r => r.Markup is { LinkRetargeted: true }) && group.All(b => b.FormatNote is null)
            ? PassageKind.Link
            : PassageKind.Formatting;
    }
}
