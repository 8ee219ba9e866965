namespace NoticeGen.History.Redline;

/// <summary>
/// Renders a page diff as an HTML fragment: a summary, then each section with &lt;ins&gt;/&lt;del&gt; around changed text
/// inside its blocks. Every change also says so in visually hidden text, for screen readers and readers who cannot tell the
/// colours apart; unchanged sections are collapsed in &lt;details&gt;, which works without JavaScript.
/// </summary>
public static class RedlineHtml
{
    private const string IntroName = "Introduction";

    public static string Render(PageDiff diff)
    {
        var html = new HtmlWriter();
        WriteSummary(html, diff);
        foreach (var section in diff.Sections)
        {
            WriteSection(html, section);
        }

        return html.ToString();
    }

    /// <summary>The summary alone: what changed in plain English, and a link to each section that changed.</summary>
    public static string RenderSummary(PageDiff diff)
    {
        var html = new HtmlWriter();
        WriteSummary(html, diff);
        return html.ToString();
    }

    /// <summary>One block of the redline on its own, inside the lists or table it belongs to, so that it is valid HTML alone.</summary>
    public static string RenderBlock(BlockDiff block)
    {
        var html = new HtmlWriter();
        WriteBlocks(html, [block]);
        return html.ToString().TrimEnd('\n');
    }

    /// <summary>A section heading with its word diff, as an &lt;h2&gt;.</summary>
    public static string RenderHeading(SectionDiff section)
    {
        var html = new HtmlWriter();
        WriteHeading(html, section);
        return html.ToString();
    }

    private static void WriteSummary(HtmlWriter html, PageDiff diff)
    {
        html.Open("div", ("class", "redline-summary")).Line();
        html.Open("p").Text(diff.Summary.Describe()).Close("p").Line();
        var changed = diff.Sections.Where(s => s.HasChanges).ToList();
        if (changed.Count > 0)
        {
            html.Open("ul").Line();
            foreach (var section in changed)
            {
                html.Open("li");
                if (section.IsIntro)
                {
                    html.Text(IntroName);
                }
                else
                {
                    html.Open("a", ("href", "#" + section.Id)).Text(section.Heading).Close("a");
                }

                html.Text($" ({section.Describe()})").Close("li").Line();
            }

            html.Close("ul").Line();
        }

        html.Close("div").Line();
    }


    private static void WriteSection(HtmlWriter html, SectionDiff section)
    {
        if (section.IsIntro && section.Blocks.Count == 0)
        {
            return;
        }

        var marked = section.Kind switch
        {
            ChangeKind.Added => "redline-section added",
            ChangeKind.Removed => "redline-section removed",
            _ => "redline-section",
        };
        html.Open("section", ("class", marked), ("data-change", section.Kind.ToString().ToLowerInvariant()),
            ("data-moved", section.Moved ? "true" : null), ("id", section.IsIntro ? null : section.Id)).Line();
        if (section.Kind == ChangeKind.Unchanged)
        {
            html.Open("details").Line().Open("summary");
            WriteHeading(html, section);
            html.Close("summary").Line();
            WriteBlocks(html, section.Blocks);
            html.Close("details").Line();
        }
        else
        {
            WriteHeading(html, section);
            html.Line();
            WriteBlocks(html, section.Blocks);
        }

        html.Close("section").Line();
    }

    /// <summary>The heading with its word diff, then a visible note of what happened to the section where the text cannot say it.</summary>
    private static void WriteHeading(HtmlWriter html, SectionDiff section)
    {
        html.Open("h2");
        if (section.IsIntro)
        {
            var note = section.Kind == ChangeKind.Unchanged ? $"{IntroName} ({section.Describe()})" : IntroName;
            html.Open("span", ("class", "redline-note")).Text(note).Close("span");
        }
        else
        {
            WriteInline(html, section.HeadingTokens);
            if (section.Kind != ChangeKind.Changed || section.Moved)
            {
                html.Text(" ").Open("span", ("class", "redline-note")).Text($"({section.Describe()})").Close("span");
            }
        }

        html.Close("h2");
    }

    /// <summary>
    /// Writes leaf blocks inside their containers: a container stays open while the next block is in it too, and a list item
    /// stays open so that its nested lists go inside it.
    /// </summary>
    private static void WriteBlocks(HtmlWriter html, IReadOnlyList<BlockDiff> blocks)
    {
        var open = new List<BlockContainer>();
        foreach (var block in blocks)
        {
            var common = 0;
            while (common < open.Count && common < block.Containers.Count && open[common] == block.Containers[common])
            {
                common++;
            }

            CloseTo(common);
            foreach (var container in block.Containers.Skip(common))
            {
                html.Open(container.Tag).Line();
                open.Add(container);
            }

            WriteBlock(html, block);
            if (block.Tag == "li")
            {
                open.Add(new BlockContainer(block.Tag, block.Key));
            }
        }

        CloseTo(0);

        void CloseTo(int depth)
        {
            for (var i = open.Count - 1; i >= depth; i--)
            {
                html.Close(open[i].Tag).Line();
                open.RemoveAt(i);
            }
        }
    }

    /// <summary>Writes a leaf block; a list item is left open for its nested lists.</summary>
    private static void WriteBlock(HtmlWriter html, BlockDiff block)
    {
        var marked = block.Kind switch
        {
            ChangeKind.Added => "added",
            ChangeKind.Removed => "removed",
            ChangeKind.Changed => block.Replaced ? "changed replaced" : "changed",
            _ => null,
        };
        switch (block.Tag)
        {
            case "hr":
                html.Void("hr", ("class", marked)).Line();
                break;
            case "tr" when block.Replaced:
                WriteRow(html, block, "removed", block.Tokens.Where(t => t.Change == TokenChange.Deleted));
                WriteRow(html, block, "added", block.Tokens.Where(t => t.Change == TokenChange.Inserted));
                break;
            case "tr":
                WriteRow(html, block, marked, block.Tokens);
                break;
            case "li":
                html.Open("li", ("class", marked));
                WriteInline(html, block.Tokens);
                break;
            default:
                html.Open(block.Tag, ("class", marked));
                WriteInline(html, block.Tokens);
                html.Close(block.Tag).Line();
                break;
        }
    }

    private static void WriteRow(HtmlWriter html, BlockDiff row, string? marked, IEnumerable<DiffToken> tokens)
    {
        var cell = row.Containers.Any(c => c.Tag == "thead") ? "th" : "td";
        html.Open("tr", ("class", marked)).Line();
        foreach (var cellTokens in TokenRuns.Cells(tokens))
        {
            html.Open(cell);
            WriteInline(html, cellTokens);
            html.Close(cell).Line();
        }

        html.Close("tr").Line();
    }

    /// <summary>One &lt;ins&gt; or &lt;del&gt; per run of changed tokens, opening with hidden text that says which it is.</summary>
    private static void WriteInline(HtmlWriter html, IEnumerable<DiffToken> tokens)
    {
        foreach (var (change, run) in TokenRuns.By(tokens, t => t.Change))
        {
            if (change == TokenChange.Same)
            {
                WriteFormatted(html, run);
                continue;
            }

            var (tag, says) = change == TokenChange.Inserted ? ("ins", "added: ") : ("del", "removed: ");
            html.Open(tag).Open("span", ("class", "visually-hidden")).Text(says).Close("span");
            WriteFormatted(html, run);
            html.Close(tag);
        }
    }

    /// <summary>Links and formatting inside one run; a link that a change cuts through becomes several links to the same place.</summary>
    private static void WriteFormatted(HtmlWriter html, IEnumerable<DiffToken> tokens)
    {
        foreach (var ((href, style), run) in TokenRuns.By(tokens, t => (t.Href, t.Style)))
        {
            var tags = StyleTags(style);
            if (href is not null)
            {
                html.Open("a", ("href", href));
            }

            foreach (var tag in tags)
            {
                html.Open(tag);
            }

            foreach (var token in run)
            {
                if (token.Text == DiffToken.LineBreak)
                {
                    html.Void("br");
                }
                else
                {
                    html.Text(token.Text);
                }
            }

            foreach (var tag in tags.AsEnumerable().Reverse())
            {
                html.Close(tag);
            }

            if (href is not null)
            {
                html.Close("a");
            }
        }
    }

    private static List<string> StyleTags(TextStyle style)
    {
        var tags = new List<string>();
        if (style.HasFlag(TextStyle.Strong))
        {
            tags.Add("strong");
        }

        if (style.HasFlag(TextStyle.Emphasis))
        {
            tags.Add("em");
        }

        if (style.HasFlag(TextStyle.Code))
        {
            tags.Add("code");
        }

        return tags;
    }
}
