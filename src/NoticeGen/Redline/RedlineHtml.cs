namespace NoticeGen.Redline;

/// <summary>
/// Renders a page diff as an HTML fragment: a summary, then each section with &lt;ins&gt;/&lt;del&gt; around changed text
/// inside its blocks. Every change also says so in visually hidden text, for screen readers and readers who cannot tell the
/// colours apart; unchanged sections are collapsed in &lt;details&gt;, which works without JavaScript.
/// </summary>
public static class RedlineHtml
{
    private const string IntroName = "Introduction";

    /// <summary>The class of a heading shown as a paragraph, outside the page's own heading outline.</summary>
    private const string HeadingChange = "heading-change";

    /// <summary>
    /// The whole redline. idPrefix goes before every id it writes and every in-page link to a section, so that the redlines of
    /// several pages can share one HTML document (the diff report) without two elements having the same id.
    /// </summary>
    public static string Render(PageDiff diff, string idPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(idPrefix);
        var anchors = new Anchors(idPrefix, diff.Sections.Select(s => s.Id).Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal));
        var html = new HtmlWriter();
        WriteSummary(html, diff, anchors);
        foreach (var section in diff.Sections)
        {
            WriteSection(html, section, anchors);
        }

        return html.ToString();
    }

    /// <summary>
    /// One block of the redline on its own, inside the lists or table it belongs to, so that it is valid HTML alone. On its own
    /// it lands under another page's headings, so a heading block comes out as a paragraph of class heading-change.
    /// </summary>
    public static string RenderBlock(BlockDiff block)
    {
        var html = new HtmlWriter();
        WriteBlocks(html, [block], Anchors.None, headingsAsParagraphs: true);
        return html.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// A section heading with its word diff as a &lt;p class="heading-change"&gt;, for a changelog passage: the changelog has
    /// its own headings around the passage, and an &lt;h2&gt; under them would break the page's heading order.
    /// </summary>
    internal static string RenderHeadingPassage(SectionDiff section)
    {
        var html = new HtmlWriter();
        html.Open("p", ("class", HeadingChange));
        WriteHeadingText(html, section);
        html.Close("p");
        return html.ToString();
    }

    private static void WriteSummary(HtmlWriter html, PageDiff diff, Anchors anchors)
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
                    html.Open("a", ("href", "#" + anchors.Id(section.Id))).Text(section.Heading).Close("a");
                }

                html.Text($" ({section.Describe()})").Close("li").Line();
            }

            html.Close("ul").Line();
        }

        html.Close("div").Line();
    }

    private const string ShowUnchanged = "Show the unchanged text";

    private static void WriteSection(HtmlWriter html, SectionDiff section, Anchors anchors)
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
            ("data-moved", section.Moved ? "true" : null), ("id", section.IsIntro ? null : anchors.Id(section.Id))).Line();
        if (section.Kind == ChangeKind.Unchanged)
        {
            // The heading stays outside <details>: inside <summary> (a button) screen readers drop it from heading navigation.
            WriteHeading(html, section);
            // Every such button would read the same; the hidden words tell a screen-reader user which text it opens.
            html.Line().Open("details").Line().Open("summary").Open("span", ("class", "redline-note")).Text(ShowUnchanged)
                .Open("span", ("class", "visually-hidden")).Text(section.IsIntro ? " of the introduction" : $" of “{section.Heading}”").Close("span")
                .Close("span").Close("summary").Line();
            WriteBlocks(html, section.Blocks, anchors);
            html.Close("details").Line();
        }
        else
        {
            WriteHeading(html, section);
            html.Line();
            WriteBlocks(html, section.Blocks, anchors);
        }

        html.Close("section").Line();
    }

    private static void WriteHeading(HtmlWriter html, SectionDiff section)
    {
        html.Open("h2");
        WriteHeadingText(html, section);
        html.Close("h2");
    }

    /// <summary>The heading with its word diff, then a visible note of what happened to the section where the text cannot say it.</summary>
    private static void WriteHeadingText(HtmlWriter html, SectionDiff section)
    {
        if (section.IsIntro)
        {
            var note = section.Kind == ChangeKind.Unchanged ? $"{IntroName} ({section.Describe()})" : IntroName;
            html.Open("span", ("class", "redline-note")).Text(note).Close("span");
        }
        else
        {
            // A heading is plain text: it has no links for the anchors to rewrite.
            WriteInline(html, section.HeadingTokens, Anchors.None);
            if (section.Kind != ChangeKind.Changed || section.Moved)
            {
                html.Text(" ").Open("span", ("class", "redline-note")).Text($"({section.Describe()})").Close("span");
            }
        }
    }

    /// <summary>
    /// Writes leaf blocks inside their containers: a container stays open while the next block is in it too, and a list item
    /// stays open so that its nested lists go inside it.
    /// </summary>
    private static void WriteBlocks(HtmlWriter html, IReadOnlyList<BlockDiff> blocks, Anchors anchors, bool headingsAsParagraphs = false)
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

            WriteBlock(html, block, anchors, headingsAsParagraphs);
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
    private static void WriteBlock(HtmlWriter html, BlockDiff block, Anchors anchors, bool headingsAsParagraphs)
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
                WriteRow(html, block, "removed", block.Tokens.Where(t => t.Change == TokenChange.Deleted), anchors);
                WriteRow(html, block, "added", block.Tokens.Where(t => t.Change == TokenChange.Inserted), anchors);
                break;
            case "tr":
                WriteRow(html, block, marked, block.Tokens, anchors);
                break;
            case "li":
                html.Open("li", ("class", marked));
                WriteInline(html, block.Tokens, anchors);
                break;
            case ['h', >= '1' and <= '6'] when headingsAsParagraphs:
                html.Open("p", ("class", marked is null ? HeadingChange : $"{HeadingChange} {marked}"));
                WriteInline(html, block.Tokens, anchors);
                html.Close("p").Line();
                break;
            default:
                html.Open(block.Tag, ("class", marked));
                WriteInline(html, block.Tokens, anchors);
                html.Close(block.Tag).Line();
                break;
        }
    }

    private static void WriteRow(HtmlWriter html, BlockDiff row, string? marked, IEnumerable<DiffToken> tokens, Anchors anchors)
    {
        var cell = row.Containers.Any(c => c.Tag == "thead") ? "th" : "td";
        html.Open("tr", ("class", marked)).Line();
        foreach (var cellTokens in TokenRuns.Cells(tokens, t => t.Text))
        {
            html.Open(cell);
            WriteInline(html, cellTokens, anchors);
            html.Close(cell).Line();
        }

        html.Close("tr").Line();
    }

    /// <summary>One &lt;ins&gt; or &lt;del&gt; per run of changed tokens, opening with hidden text that says which it is.</summary>
    private static void WriteInline(HtmlWriter html, IEnumerable<DiffToken> tokens, Anchors anchors)
    {
        foreach (var (change, run) in TokenRuns.By(tokens, t => t.Change))
        {
            if (change == TokenChange.Same)
            {
                WriteFormatted(html, run, anchors);
                continue;
            }

            var (tag, says) = change == TokenChange.Inserted ? ("ins", "added: ") : ("del", "removed: ");
            html.Open(tag).Open("span", ("class", "visually-hidden")).Text(says).Close("span");
            WriteFormatted(html, run, anchors);
            html.Close(tag);
        }
    }

    /// <summary>Links and formatting inside one run; a link that a change cuts through becomes several links to the same place.</summary>
    private static void WriteFormatted(HtmlWriter html, IEnumerable<DiffToken> tokens, Anchors anchors)
    {
        foreach (var ((href, style), run) in TokenRuns.By(tokens, t => (t.Href, t.Style)))
        {
            var tags = StyleTags(style);
            if (href is not null)
            {
                html.Open("a", ("href", anchors.Href(href)));
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

    /// <summary>
    /// The ids of one redline: each section's id with the prefix, and in-page links to a section rewritten to match, so that
    /// they still reach it. Links to anything else are left alone: the redline writes no other ids.
    /// </summary>
    private sealed record Anchors(string Prefix, IReadOnlySet<string> SectionIds)
    {
        public static readonly Anchors None = new(string.Empty, new HashSet<string>());

        public string Id(string sectionId) => Prefix + sectionId;

        public string Href(string href) =>
            Prefix.Length > 0 && href.StartsWith('#') && SectionIds.Contains(href[1..]) ? "#" + Id(href[1..]) : href;
    }
}
