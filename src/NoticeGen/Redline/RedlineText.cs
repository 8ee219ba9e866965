using System.Text;

namespace NoticeGen.Redline;

/// <summary>
/// Renders a page diff for a terminal: each section that changed, with only its changed blocks, deletions as [-text-] and
/// insertions as {+text+}, and notes in brackets for what has no words of its own ("[link changed: old → new]", "[moved from
/// section 3]"). With colour the markers stay, in red, green and cyan, so the text reads the same without it. The summary is
/// not repeated here: callers print RedlineSummary.Describe() where they want it.
/// </summary>
public static class RedlineText
{
    private const string Red = "\u001b[31m";
    private const string Green = "\u001b[32m";
    private const string Cyan = "\u001b[36m";
    private const string Reset = "\u001b[0m";

    public static string Render(PageDiff diff, bool color)
    {
        var text = new StringBuilder();
        foreach (var section in diff.Sections.Where(s => s.HasChanges))
        {
            text.Append(text.Length > 0 ? "\n## " : "## ");
            if (section.IsIntro)
            {
                text.Append("Introduction");
            }
            else
            {
                AppendInline(text, section.HeadingTokens, color, indent: "   ");
            }

            text.Append(" (").Append(section.Describe()).Append(")\n");
            foreach (var block in section.Blocks.Where(b => b.HasChanges))
            {
                AppendBlock(text, block, color);
            }
        }

        return text.ToString();
    }

    private static void AppendBlock(StringBuilder text, BlockDiff block, bool color)
    {
        var lists = block.Containers.Count(c => c.Tag is "ul" or "ol");
        var quotes = block.Containers.Count(c => c.Tag == "blockquote");
        var indent = new string(' ', 2 * Math.Max(lists - 1, 0)) + string.Concat(Enumerable.Repeat("> ", quotes));
        var marker = block.Tag switch
        {
            "li" => "- ",
            ['h', >= '1' and <= '6'] => new string('#', block.Tag[1] - '0') + " ",
            _ => string.Empty,
        };

        if (block.Kind == ChangeKind.Moved)
        {
            var move = block.Move!;
            var where = move.WithinSection ? (move.Down ? "further down" : "further up") : "to " + move.ToLabel;
            text.Append(indent).Append(marker);
            AppendNote(text, $"[moved {where}: “{move.Excerpt}”]", color);
            text.Append('\n');
            return;
        }

        var notes = new StringBuilder();
        if (block.Move is { } moved)
        {
            AppendNote(notes, $"[moved from {(moved.WithinSection ? (moved.Down ? "further up" : "further down") : moved.FromLabel)}] ", color);
        }

        if (block.FormatNote is { } note)
        {
            AppendNote(notes, $"[formatting changed: {note}] ", color);
        }

        if (block.Tag == "tr")
        {
            IEnumerable<DiffToken>[] rows = block.Replaced
                ? [block.Tokens.Where(t => t.Change == TokenChange.Deleted), block.Tokens.Where(t => t.Change == TokenChange.Inserted)]
                : [block.Tokens];
            foreach (var row in rows)
            {
                text.Append(indent).Append(notes).Append('|');
                foreach (var cell in TokenRuns.Cells(row, t => t.Text))
                {
                    text.Append(' ');
                    AppendInline(text, cell, color, indent);
                    text.Append(" |");
                }

                text.Append('\n');
            }

            return;
        }

        text.Append(indent).Append(marker).Append(notes);
        AppendInline(text, block.Tokens, color, indent + new string(' ', marker.Length));
        text.Append('\n');
    }

    private static void AppendNote(StringBuilder text, string note, bool color)
    {
        text.Append(color ? Cyan : string.Empty).Append(note).Append(color ? Reset : string.Empty);
    }

    /// <summary>
    /// Changed runs in markers; a link in a changed run shows its target (unless that is its text), since that may be all that
    /// changed. Kept words whose link or formatting changed are followed by a note saying how.
    /// </summary>
    private static void AppendInline(StringBuilder text, IReadOnlyList<DiffToken> tokens, bool color, string indent)
    {
        foreach (var run in MarkupRuns.Of(tokens))
        {
            var (open, close, paint) = run.Change switch
            {
                TokenChange.Deleted => ("[-", "-]", Red),
                TokenChange.Inserted => ("{+", "+}", Green),
                _ => (string.Empty, string.Empty, string.Empty),
            };
            // A note on a new line break goes before it, at the end of the line it ends.
            var breakOnly = run.Markup is not null && run.Tokens.All(t => t.Text == DiffToken.LineBreak);
            if (breakOnly)
            {
                AppendMarkupNotes(text, run.Markup!, color);
            }

            if (color && paint.Length > 0)
            {
                text.Append(paint);
            }

            text.Append(open);
            foreach (var (href, link) in TokenRuns.By(run.Tokens, t => t.Href))
            {
                foreach (var token in link)
                {
                    text.Append(token.Text == DiffToken.LineBreak ? "\n" + indent : token.Text);
                }

                if (href is not null && run.Change != TokenChange.Same && string.Concat(link.Select(t => t.Text)).Trim() != href)
                {
                    text.Append(" <").Append(href).Append('>');
                }
            }

            text.Append(close);
            if (color && paint.Length > 0)
            {
                text.Append(Reset);
            }

            if (run.Markup is { } change && !breakOnly)
            {
                AppendMarkupNotes(text, change, color);
            }
        }
    }

    private static void AppendMarkupNotes(StringBuilder text, MarkupChange change, bool color)
    {
        if (change.LinkRetargeted)
        {
            AppendNote(text, $" [{change.LinkLabel}: <{change.OldHref}> → <{change.NewHref}>]", color);
        }

        if (change.Formatting.Count > 0)
        {
            AppendNote(text, $" [formatting changed: {string.Join("; ", change.Formatting)}]", color);
        }
    }
}
