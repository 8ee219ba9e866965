using System.Collections.Frozen;

namespace NoticeGen.Redline;

/// <summary>
/// Renders a page diff as an HTML fragment: a summary, then each section with &lt;ins&gt;/&lt;del&gt; around changed text
/// inside its blocks. Every change also says so in text: hidden "added:"/"removed:" words inside ins and del, and visible notes
/// (class redline-note) for what has no words of its own: a link's new target, formatting, a moved block or section. Nothing
/// relies on colour. Unchanged sections are collapsed in &lt;details&gt;, which works without JavaScript.
/// </summary>
/// <remarks>
/// To read either version back from the redline, drop the notes (.redline-note), the gaps between a deletion and an insertion
/// (.redline-gap) and the hidden words (.visually-hidden);
/// for the new text drop del and every element with data-moved-to (a moved block's or section's old place); for the old
/// text drop ins, and put each element with data-move (data-moved for a section) back in place of the element whose
/// data-moved-to names it.
/// </remarks>
public static class RedlineHtml
{
    private const string IntroName = "Introduction";

    /// <summary>The class of a heading shown as a paragraph, outside the page's own heading outline.</summary>
    private const string HeadingChange = "heading-change";

    private const string Note = "redline-note";

    /// <summary>A note that marks a change (link, formatting, move): counted with ins and del as the redline's marks.</summary>
    private const string Mark = "redline-note redline-mark";

    private const string ShowUnchanged = "Show the unchanged text";

    /// <summary>The space between a deletion and the insertion right after it: in neither version, so a reader drops it like a note.</summary>
    private const string Gap = "redline-gap";

    /// <summary>Inline elements written as they came; any other inline element keeps its text in a plain span.</summary>
    private static readonly FrozenSet<string> InlineTags = FrozenSet.ToFrozenSet(
        ["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp", "small", "span",
         "strong", "sub", "sup", "time", "u", "var"], StringComparer.Ordinal);

    /// <summary>
    /// The whole redline. idPrefix goes before every id it writes and every in-page link to one of them, so that the redlines of
    /// several pages can share one HTML document (the diff report) without two elements having the same id.
    /// </summary>
    public static string Render(PageDiff diff, string idPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(idPrefix);
        var ids = diff.Sections.Select(s => s.Id).Where(id => id.Length > 0).Concat(ContentIds(diff)).ToHashSet(StringComparer.Ordinal);
        var context = new Context(new HtmlWriter(), idPrefix, ids, Page: true);
        WriteSummary(context, diff);
        if (diff.TitleTokens is { } title)
        {
            context.Html.Open("p", ("class", HeadingChange + " title-change")).Open("span", ("class", Note)).Text("Title: ").Close("span");
            WriteInline(context, title);
            context.Html.Close("p").Line();
        }

        var byId = diff.Sections.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var section in diff.Sections)
        {
            WriteSection(context, section);
            foreach (var moved in section.MovedAwayAfter)
            {
                WriteSectionStub(context, byId[moved]);
            }
        }

        return context.Html.ToString();
    }

    /// <summary>
    /// One block of the redline on its own, inside the lists or table it belongs to, so that it is valid HTML alone. On its own
    /// it lands under another page's headings, so a heading block comes out as a paragraph of class heading-change; it writes
    /// no ids (passages of many pages share a changelog) and its move notes name the sections without linking them.
    /// </summary>
    public static string RenderBlock(BlockDiff block) => RenderBlocks([block]);

    /// <summary>Blocks on their own, as RenderBlock: for a passage of several blocks (a paragraph split in two).</summary>
    public static string RenderBlocks(IReadOnlyList<BlockDiff> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var context = new Context(new HtmlWriter(), string.Empty, new HashSet<string>(), Page: false);
        WriteBlocks(context, blocks, headingsAsParagraphs: true);
        return context.Html.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// A section heading with its word diff as a &lt;p class="heading-change"&gt;, for a changelog passage: the changelog has
    /// its own headings around the passage, and an &lt;h2&gt; under them would break the page's heading order.
    /// </summary>
    internal static string RenderHeadingPassage(SectionDiff section) => HeadingPassage(context => WriteHeadingText(context, section));

    /// <summary>A page title's word diff as a &lt;p class="heading-change"&gt;, for a changelog passage.</summary>
    internal static string RenderTitlePassage(IReadOnlyList<DiffToken> title) => HeadingPassage(context => WriteInline(context, title));

    private static string HeadingPassage(Action<Context> write)
    {
        var context = new Context(new HtmlWriter(), string.Empty, new HashSet<string>(), Page: false);
        context.Html.Open("p", ("class", HeadingChange));
        write(context);
        context.Html.Close("p");
        return context.Html.ToString();
    }

    /// <summary>The ids the content keeps in the new version, so that in-page links to them follow their prefix.</summary>
    private static IEnumerable<string> ContentIds(PageDiff diff)
    {
        foreach (var block in diff.Sections.SelectMany(s => s.Blocks).Where(b => b.Kind is not (ChangeKind.Removed or ChangeKind.Moved)))
        {
            foreach (var attributes in block.Containers.Select(c => c.Attributes).Append(block.Attributes)
                .Concat(block.Tokens.Where(t => t.Change != TokenChange.Deleted).SelectMany(t => t.Markup.Elements).Select(e => e.Attributes)))
            {
                foreach (var attribute in attributes.Where(a => a.Key == "id"))
                {
                    yield return attribute.Value;
                }
            }
        }
    }

    private static void WriteSummary(Context context, PageDiff diff)
    {
        var html = context.Html;
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
                    html.Open("a", ("href", "#" + context.Prefix + section.Id)).Text(section.Heading).Close("a");
                }

                html.Text($" ({section.Describe()})").Close("li").Line();
            }

            html.Close("ul").Line();
        }

        html.Close("div").Line();
    }

    private static void WriteSection(Context context, SectionDiff section)
    {
        var html = context.Html;
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
            ("data-moved", section.Moved ? "true" : null), ("id", section.IsIntro ? null : context.Id(section.Id))).Line();
        if (section.Kind == ChangeKind.Unchanged)
        {
            // The heading stays outside <details>: inside <summary> (a button) screen readers drop it from heading navigation.
            WriteHeading(context, section);
            // Every such button would read the same; the hidden words tell a screen-reader user which text it opens.
            html.Line().Open("details").Line().Open("summary").Open("span", ("class", Note)).Text(ShowUnchanged)
                .Open("span", ("class", "visually-hidden")).Text(section.IsIntro ? " of the introduction" : $" of “{section.Heading}”").Close("span")
                .Close("span").Close("summary").Line();
            WriteBlocks(context, section.Blocks);
            html.Close("details").Line();
        }
        else
        {
            WriteHeading(context, section);
            html.Line();
            WriteBlocks(context, section.Blocks);
        }

        html.Close("section").Line();
    }

    /// <summary>Where a moved section stood: a note naming it, linked to its new place. Its text is at the new place only.</summary>
    private static void WriteSectionStub(Context context, SectionDiff section)
    {
        var html = context.Html;
        html.Open("p", ("class", "redline-moved-away"), ("data-moved-to", "section:" + section.Id), ("id", context.Id("ng-from-" + section.Id)));
        html.Open("span", ("class", Mark), ("data-mark", "moved")).Text($"(“{PageDiffer.WithoutNumber(section.OldHeading)}” moved to ");
        Link(context, "#" + context.Prefix + section.Id, PageDiffer.SectionLabel(section.NewHeading));
        html.Text(")").Close("span").Close("p").Line();
    }

    private static void WriteHeading(Context context, SectionDiff section)
    {
        context.Html.Open("h2");
        WriteHeadingText(context, section);
        context.Html.Close("h2");
    }

    /// <summary>The heading with its word diff, then a visible note of what happened to the section where the text cannot say it.</summary>
    private static void WriteHeadingText(Context context, SectionDiff section)
    {
        var html = context.Html;
        if (section.IsIntro)
        {
            var note = section.Kind == ChangeKind.Unchanged ? $"{IntroName} ({section.Describe()})" : IntroName;
            html.Open("span", ("class", Note)).Text(note).Close("span");
            return;
        }

        // A heading is plain text: it has no links for the anchors to rewrite.
        WriteInline(context, section.HeadingTokens);
        if (section.Moved)
        {
            // The section's old place has a note that links here; this one links back.
            html.Text(" ").Open("span", ("class", Mark), ("data-mark", "moved")).Text("(");
            Link(context, "#" + context.Prefix + "ng-from-" + section.Id, MovedFrom(section));
            html.Text(section.Kind == ChangeKind.Changed ? ", changed)" : section.Renumbered ? ", renumbered)" : ")").Close("span");
        }
        else if (section.Kind != ChangeKind.Changed)
        {
            html.Text(" ").Open("span", ("class", Note)).Text($"({section.Describe()})").Close("span");
        }
    }

    /// <summary>"moved from section 3", or "moved" when the headings carry no numbers.</summary>
    private static string MovedFrom(SectionDiff section) =>
        PageDiffer.SectionLabel(section.OldHeading) is var label && label.StartsWith("section ", StringComparison.Ordinal) ? "moved from " + label : "moved";

    /// <summary>
    /// Writes leaf blocks inside their containers: a container stays open while the next block is in it too, and a list item
    /// stays open so that its nested lists go inside it.
    /// </summary>
    private static void WriteBlocks(Context context, IReadOnlyList<BlockDiff> blocks, bool headingsAsParagraphs = false)
    {
        var html = context.Html;
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
                html.Open(container.Tag, Attributes(context, container.Attributes, null, deleted: false)).Line();
                open.Add(container);
            }

            WriteBlock(context, block, headingsAsParagraphs);
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
    private static void WriteBlock(Context context, BlockDiff block, bool headingsAsParagraphs)
    {
        var html = context.Html;
        var marked = block.Kind switch
        {
            ChangeKind.Added => "added",
            ChangeKind.Removed => "removed",
            ChangeKind.Moved => "moved-away",
            ChangeKind.Changed => block.Replaced ? "changed replaced" : "changed",
            _ => null,
        };
        if (block.Move is not null && block.Kind != ChangeKind.Moved)
        {
            marked = marked is null ? "moved" : marked + " moved";
        }

        var deleted = block.Kind is ChangeKind.Removed or ChangeKind.Moved;
        var move = block.Move is null || block.Kind == ChangeKind.Moved ? null : block.Move.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var attributes = block.Kind == ChangeKind.Moved
            ? [("class", marked), ("data-moved-to", block.Move!.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
               ("id", context.Page ? context.Id($"ng-move-{block.Move.Number}-from") : null)]
            : Attributes(context, block.Attributes, marked, deleted).Append(("data-move", move)).ToArray();
        var heading = FormNote.IsHeading(block.Tag);
        switch (block.Tag)
        {
            case "hr":
                html.Void("hr", attributes).Line();
                break;
            case "tr" when block.Kind == ChangeKind.Moved:
                var cell = block.Containers.Any(c => c.Tag == "thead") ? "th" : "td";
                html.Open("tr", attributes).Line().Open(cell, ("colspan", block.Cells.Count > 1 ? block.Cells.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
                WriteBlockNotes(context, block);
                html.Close(cell).Line().Close("tr").Line();
                break;
            case "tr" when block.Replaced:
                WriteRow(context, block, [("class", "removed")], block.OldCells, block.Tokens.Where(t => t.Change == TokenChange.Deleted).ToList(), deleted: true);
                WriteRow(context, block, attributes.Select(a => a.Item1 == "class" ? ("class", (string?)"added") : a).ToArray(), block.Cells,
                    block.Tokens.Where(t => t.Change == TokenChange.Inserted).ToList(), deleted: false);
                break;
            case "tr":
                WriteRow(context, block, attributes, block.Cells, block.Tokens, deleted);
                break;
            case "li":
                html.Open("li", attributes);
                WriteBlockNotes(context, block);
                WriteInline(context, block.Tokens);
                break;
            case var _ when heading && (headingsAsParagraphs || block.Kind == ChangeKind.Moved):
                // A moved heading's old place holds only a note: as a heading it would put the note in the page's outline.
                var paragraph = attributes.Where(a => a.Item1 != "class").Prepend(("class", block.Kind == ChangeKind.Moved ? marked
                    : marked is null ? HeadingChange : $"{HeadingChange} {marked}")).ToArray();
                html.Open("p", paragraph);
                WriteBlockNotes(context, block);
                WriteInline(context, block.Tokens);
                html.Close("p").Line();
                break;
            default:
                html.Open(block.Tag, attributes);
                WriteBlockNotes(context, block);
                WriteInline(context, block.Tokens);
                html.Close(block.Tag).Line();
                break;
        }
    }

    /// <summary>The notes at the start of a block: where it moved from or to, and how its form changed.</summary>
    private static void WriteBlockNotes(Context context, BlockDiff block)
    {
        var html = context.Html;
        if (block.Move is { } move)
        {
            var number = move.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (block.Kind == ChangeKind.Moved)
            {
                html.Open("span", ("class", Mark), ("data-mark", "moved")).Text("(moved ");
                if (move.WithinSection)
                {
                    Link(context, $"#{context.Prefix}ng-move-{number}", move.Down ? "further down" : "further up");
                }
                else
                {
                    html.Text("to ");
                    Link(context, $"#{context.Prefix}ng-move-{number}", move.ToLabel);
                }

                html.Text($": “{move.Excerpt}”)").Close("span");
                return;
            }

            html.Open("span", ("class", Mark), ("data-mark", "moved"), ("id", context.Page ? context.Id($"ng-move-{number}") : null)).Text("(moved from ");
            Link(context, $"#{context.Prefix}ng-move-{number}-from",
                move.WithinSection ? (move.Down ? "further up" : "further down") : move.FromLabel);
            html.Text(") ").Close("span");
        }

        if (block.FormatNote is { } note)
        {
            html.Open("span", ("class", Mark), ("data-mark", "formatting")).Text($"(formatting changed: {note}) ").Close("span");
        }
    }

    private static void WriteRow(
        Context context, BlockDiff row, (string, string?)[] attributes, IReadOnlyList<InlineElement> cells, IReadOnlyList<DiffToken> tokens, bool deleted)
    {
        var html = context.Html;
        var fallback = row.Containers.Any(c => c.Tag == "thead") ? "th" : "td";
        html.Open("tr", attributes).Line();
        var k = 0;
        foreach (var cellTokens in TokenRuns.Cells(tokens, t => t.Text))
        {
            var cell = k < cells.Count ? cells[k] : new InlineElement(fallback, []);
            html.Open(cell.Tag, Attributes(context, cell.Attributes, null, deleted));
            if (k++ == 0)
            {
                WriteBlockNotes(context, row);
            }

            WriteInline(context, cellTokens);
            html.Close(cell.Tag).Line();
        }

        html.Close("tr").Line();
    }

    /// <summary>
    /// One &lt;ins&gt; or &lt;del&gt; per run of changed tokens, opening with hidden text that says which it is; a deletion
    /// straight followed by an insertion gets a space between them, so the old and new words never run together. Words whose
    /// link or formatting changed are written as they are now, followed by a note of the change.
    /// </summary>
    private static void WriteInline(Context context, IReadOnlyList<DiffToken> tokens)
    {
        var html = context.Html;
        TokenRun? previous = null;
        foreach (var run in MarkupRuns.Of(tokens))
        {
            if (run.Change == TokenChange.Same)
            {
                // A note on a new line break goes before it, at the end of the line it ends.
                var breakOnly = run.Markup is not null && run.Tokens.All(t => t.Text == DiffToken.LineBreak);
                if (breakOnly)
                {
                    WriteMarkupNotes(context, run.Markup!);
                }

                WriteFormatted(context, run.Tokens, deleted: false);
                if (run.Markup is { } change && !breakOnly)
                {
                    WriteMarkupNotes(context, change);
                }
            }
            else
            {
                if (run.Change == TokenChange.Inserted && previous?.Change == TokenChange.Deleted && !previous.Tokens[^1].IsSpace && !run.Tokens[0].IsSpace)
                {
                    html.Open("span", ("class", Gap), ("aria-hidden", "true")).Text(" ").Close("span");
                }

                var (tag, says) = run.Change == TokenChange.Inserted ? ("ins", "added: ") : ("del", "removed: ");
                html.Open(tag).Open("span", ("class", "visually-hidden")).Text(says).Close("span");
                WriteFormatted(context, run.Tokens, deleted: run.Change == TokenChange.Deleted);
                html.Close(tag);
            }

            previous = run;
        }
    }

    /// <summary>" (link changed: old → new)", " (formatting changed: bold added)": text, so that no reader depends on colour.</summary>
    private static void WriteMarkupNotes(Context context, MarkupChange change)
    {
        var html = context.Html;
        if (change.LinkRetargeted)
        {
            html.Open("span", ("class", Mark), ("data-mark", "link")).Text($" ({change.LinkLabel}: ")
                .Open("span", ("class", "redline-target")).Text(change.OldHref!).Close("span")
                .Open("span", ("aria-hidden", "true")).Text(" → ").Close("span")
                .Open("span", ("class", "visually-hidden")).Text(" to ").Close("span")
                .Open("span", ("class", "redline-target")).Text(change.NewHref!).Close("span")
                .Text(")").Close("span");
        }

        if (change.Formatting.Count > 0)
        {
            html.Open("span", ("class", Mark), ("data-mark", "formatting")).Text($" (formatting changed: {string.Join("; ", change.Formatting)})").Close("span");
        }
    }

    /// <summary>Links and formatting inside one run; a link that a change cuts through becomes several links to the same place.</summary>
    private static void WriteFormatted(Context context, IEnumerable<DiffToken> tokens, bool deleted)
    {
        var html = context.Html;
        foreach (var (_, run) in TokenRuns.By(tokens, t => Around(t).Key))
        {
            var elements = Around(run[0]).Elements;
            var tags = new List<string>();
            foreach (var element in elements)
            {
                var (tag, attributes) = element.Tag switch
                {
                    // An image is shown as a link to it, labelled with its alt text (the tokens).
                    "img" => ("a", new (string, string?)[] { ("href", element.Attribute("src")) }),
                    "del" or "strike" => ("s", Attributes(context, element.Attributes, null, deleted)),
                    "ins" => ("u", Attributes(context, element.Attributes, null, deleted)),
                    var known when InlineTags.Contains(known) => (known, Attributes(context, element.Attributes, null, deleted)),
                    _ => ("span", Array.Empty<(string, string?)>()),
                };
                html.Open(tag, attributes);
                tags.Add(tag);
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

            for (var i = tags.Count - 1; i >= 0; i--)
            {
                html.Close(tags[i]);
            }
        }
    }

    /// <summary>The elements a token is written inside: a line break is the br itself, inside the elements around it.</summary>
    private static InlineMarkup Around(DiffToken token) =>
        token.Text == DiffToken.LineBreak && token.Markup.Elements.Count > 0 && token.Markup.Elements[^1].Tag == "br"
            ? token.Markup.WithoutLast()
            : token.Markup;

    /// <summary>
    /// A source element's attributes as the redline writes them: ids with the prefix, once, and not for old text; in-page links
    /// following the prefix; event handlers dropped; the redline's own class after the element's.
    /// </summary>
    private static (string, string?)[] Attributes(Context context, IReadOnlyList<KeyValuePair<string, string>> attributes, string? marked, bool deleted)
    {
        var result = new List<(string, string?)>();
        var classes = marked;
        foreach (var (name, value) in attributes)
        {
            switch (name)
            {
                case "id":
                    result.Add(("id", deleted || !context.Page ? null : context.ContentId(value)));
                    break;
                case "href":
                    result.Add(("href", context.Href(value)));
                    break;
                case "class":
                    classes = marked is null ? value : $"{value} {marked}";
                    break;
                case var _ when name.StartsWith("on", StringComparison.OrdinalIgnoreCase):
                    break;
                default:
                    result.Add((name, value));
                    break;
            }
        }

        return [("class", classes), .. result];
    }

    /// <summary>A link between the two places of a move: on the page a link, in a passage (where the anchors are not) the words.</summary>
    private static void Link(Context context, string href, string text)
    {
        if (context.Page)
        {
            context.Html.Open("a", ("href", href)).Text(text).Close("a");
        }
        else
        {
            context.Html.Text(text);
        }
    }

    /// <summary>
    /// The writer and what it writes ids with: the prefix, the ids that exist (so in-page links to them follow the prefix),
    /// and those written so far (an id is written once). Page is false for passages, which write no ids.
    /// </summary>
    private sealed record Context(HtmlWriter Html, string Prefix, IReadOnlySet<string> Ids, bool Page)
    {
        private readonly HashSet<string> _written = new(StringComparer.Ordinal);

        /// <summary>An id the redline itself gives (a section, a move's anchor), with the prefix.</summary>
        public string Id(string id)
        {
            _written.Add(id);
            return Prefix + id;
        }

        /// <summary>An id from the content, or null when written already (the same anchor in two places of the redline).</summary>
        public string? ContentId(string id) => _written.Add(id) ? Prefix + id : null;

        public string Href(string href) =>
            Prefix.Length > 0 && href.StartsWith('#') && Ids.Contains(href[1..]) ? "#" + Prefix + href[1..] : href;
    }
}
