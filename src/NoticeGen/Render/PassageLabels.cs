using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NoticeGen.Compose;
using NoticeGen.Load;

namespace NoticeGen.Render;

/// <summary>
/// Turns the passage marks of the full notice (see <see cref="PassageMarks"/>) into labels readers see: a passage of whole
/// blocks is framed, headed "Applies to EU/EEA residents"; a passage inside a sentence is framed inline, its label first;
/// a passage whose ends fall in different places of the Markdown (half a list, a link) gets the label at its start only.
/// </summary>
public static partial class PassageLabels
{
    /// <summary>The class of the label, and of the frame around a labelled passage.</summary>
    public const string LabelClass = "applies-to";

    public const string PassageClass = "applies-passage";

    /// <summary>Whether the Markdown holds a mark at all: most text does not, and is left alone.</summary>
    public static bool HasMarks(string markdown) =>
        markdown.Contains(Placeholders.PassageStart, StringComparison.Ordinal) || markdown.Contains(Placeholders.PassageEnd, StringComparison.Ordinal);

    /// <summary>"Applies to EU/EEA, United Kingdom and Switzerland residents": the jurisdictions by their names in site.yml.</summary>
    public static string Describe(IEnumerable<string> ids, IReadOnlyList<Jurisdiction> jurisdictions)
    {
        var names = ids.Select(id => jurisdictions.FirstOrDefault(j => j.Id == id)?.Name ?? id).Distinct(StringComparer.Ordinal).ToList();
        var list = names.Count <= 1 ? string.Concat(names) : string.Join(", ", names[..^1]) + " and " + names[^1];
        return $"Applies to {list} residents";
    }

    /// <summary>Replaces every mark in the document by its label (or by nothing, for a mark without its pair).</summary>
    public static void Apply(MarkdownDocument document, IReadOnlyList<Jurisdiction> jurisdictions)
    {
        var marks = SplitMarks(document);
        var open = new Stack<Mark>();
        var pairs = new List<(Mark Start, Mark? End)>();
        foreach (var mark in marks)
        {
            if (mark.Jurisdictions is not null)
            {
                open.Push(mark);
                pairs.Add((mark, null));
            }
            else if (open.TryPop(out var start))
            {
                var index = pairs.FindIndex(p => ReferenceEquals(p.Start, start));
                pairs[index] = (start, mark);
            }
            else
            {
                mark.Node.Remove();
            }
        }

        var isMark = marks.Select(m => (Inline)m.Node).ToHashSet();
        foreach (var (start, end) in pairs)
        {
            if (start.Jurisdictions!.Count == 0)
            {
                start.Node.Remove();
                end?.Node.Remove();
                continue;
            }

            var label = Describe(start.Jurisdictions!, jurisdictions);
            if (end is not null && FrameBlocks(start.Node, end.Node, label, isMark))
            {
                continue;
            }

            KeepPunctuationBefore(start.Node);
            if (end is not null && start.Node.Parent is { } parent && ReferenceEquals(parent, end.Node.Parent))
            {
                start.Node.ReplaceBy(new HtmlInline(SpaceBefore(start.Node) + $"<span class=\"{PassageClass}\">" + InlineLabel(label)));
                end.Node.ReplaceBy(new HtmlInline("</span>"));
                continue;
            }

            start.Node.ReplaceBy(new HtmlInline(SpaceBefore(start.Node) + InlineLabel(label)));
            end?.Node.Remove();
        }

        // A mark where no label can go (a link's address, code) is dropped: it must never reach a page.
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.Url = link.Url is null ? null : Strip(link.Url);
            link.Title = link.Title is null ? null : Strip(link.Title);
        }

        foreach (var code in document.Descendants<CodeInline>().Where(c => HasMarks(c.Content)).ToList())
        {
            code.ReplaceBy(new CodeInline(Strip(code.Content)) { Delimiter = code.Delimiter, DelimiterCount = code.DelimiterCount });
        }
    }

    /// <summary>The text without marks: for the rendered HTML too, where a mark in a code block or an attribute survives.</summary>
    public static string Strip(string text) => HasMarks(text) ? AnyMark().Replace(text, string.Empty) : text;

    private static string InlineLabel(string label) => $"<span class=\"{LabelClass}\">{WebUtility.HtmlEncode(label)}:</span> ";

    /// <summary>
    /// Punctuation that opens a passage (", including the CCPA") stays with the sentence before it, ahead of the label:
    /// "laws, [Applies to California residents:] including", never "laws [label] , including".
    /// </summary>
    private static void KeepPunctuationBefore(Inline mark)
    {
        if (mark.NextSibling is not LiteralInline next)
        {
            return;
        }

        var text = next.Content.ToString();
        var n = 0;
        while (n < text.Length && text[n] is not ('"' or '\'') && CharUnicodeInfo.GetUnicodeCategory(text[n]) == UnicodeCategory.OtherPunctuation)
        {
            n++;
        }

        if (n == 0)
        {
            return;
        }

        while (n < text.Length && char.IsWhiteSpace(text[n]))
        {
            n++;
        }

        mark.InsertBefore(new LiteralInline(text[..n]));
        if (n == text.Length)
        {
            next.Remove();
        }
        else
        {
            next.Content = new StringSlice(text[n..]);
        }
    }

    /// <summary>A label glued to the word before it would read as one word ("lawsApplies"): it gets a space of its own.</summary>
    private static string SpaceBefore(Inline mark) =>
        mark.PreviousSibling is LiteralInline { Content.Length: > 0 } literal && !char.IsWhiteSpace(literal.Content.ToString()[^1]) ? " " : string.Empty;

    /// <summary>
    /// Frames a passage of whole blocks: when it starts at the start of a block and ends at the end of one, and the blocks
    /// from the first to the last are siblings that a &lt;div&gt; may hold (not the items of a list or the rows of a table).
    /// </summary>
    private static bool FrameBlocks(LiteralInline start, LiteralInline end, string label, HashSet<Inline> marks)
    {
        if (LeafOf(start) is not { } first || LeafOf(end) is not { } last || !AtEdge(start, marks, forward: false) || !AtEdge(end, marks, forward: true))
        {
            return false;
        }

        var firstPath = Ancestors(first);
        var lastPath = Ancestors(last);
        var common = firstPath.OfType<ContainerBlock>().FirstOrDefault(lastPath.Contains);
        if (common is null)
        {
            return false;
        }

        var from = firstPath[firstPath.IndexOf(common) - 1];
        var to = lastPath[lastPath.IndexOf(common) - 1];

        // A list or table holds only items or rows: a passage of all of them frames the whole list or table instead.
        while (common is ListBlock or Markdig.Extensions.Tables.Table or Markdig.Extensions.Tables.TableRow)
        {
            if (common[0] != from || common[^1] != to || common.Parent is not { } outer)
            {
                return false;
            }

            from = to = common;
            common = outer;
        }

        if (common.IndexOf(from) > common.IndexOf(to) || FirstLeaf(from) != first || LastLeaf(to) != last)
        {
            return false;
        }

        start.Remove();
        end.Remove();
        common.Insert(common.IndexOf(to) + 1, Html("</div>"));
        common.Insert(common.IndexOf(from), Html($"<div class=\"{PassageClass}\">\n<p class=\"{LabelClass}\">{WebUtility.HtmlEncode(label)}</p>"));
        return true;
    }

    /// <summary>Whether nothing but white space and other marks stands before (or after) the inline in its block.</summary>
    private static bool AtEdge(Inline inline, HashSet<Inline> marks, bool forward)
    {
        for (Inline? node = inline; node is not null; node = node.Parent)
        {
            for (var sibling = forward ? node.NextSibling : node.PreviousSibling; sibling is not null; sibling = forward ? sibling.NextSibling : sibling.PreviousSibling)
            {
                if (!(marks.Contains(sibling) || sibling is LineBreakInline || (sibling is LiteralInline literal && literal.Content.IsEmptyOrWhitespace())))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static LeafBlock? LeafOf(Inline inline)
    {
        Inline node = inline;
        while (node.Parent is { } parent)
        {
            node = parent;
        }

        return (node as ContainerInline)?.ParentBlock as LeafBlock;
    }

    /// <summary>The block and its containers, innermost first, up to the document.</summary>
    private static List<Block> Ancestors(Block block)
    {
        var path = new List<Block>();
        for (Block? node = block; node is not null; node = node.Parent)
        {
            path.Add(node);
        }

        return path;
    }

    private static LeafBlock? FirstLeaf(Block block) => block switch
    {
        LeafBlock leaf => leaf,
        ContainerBlock { Count: > 0 } container => FirstLeaf(container[0]),
        _ => null,
    };

    private static LeafBlock? LastLeaf(Block block) => block switch
    {
        LeafBlock leaf => leaf,
        ContainerBlock { Count: > 0 } container => LastLeaf(container[^1]),
        _ => null,
    };

    private static HtmlBlock Html(string html)
    {
        var block = new HtmlBlock(null) { Type = HtmlBlockType.NonInterruptingBlock };
        block.Lines = new StringLineGroup(html);
        return block;
    }

    /// <summary>Cuts every literal holding marks into text and one literal per mark, in document order.</summary>
    private static List<Mark> SplitMarks(MarkdownDocument document)
    {
        var marks = new List<Mark>();
        foreach (var literal in document.Descendants<LiteralInline>().ToList())
        {
            var text = literal.Content.ToString();
            if (!HasMarks(text))
            {
                continue;
            }

            var pieces = new List<Inline>();
            var at = 0;
            foreach (Match match in AnyMark().Matches(text))
            {
                if (match.Index > at)
                {
                    pieces.Add(new LiteralInline(text[at..match.Index]));
                }

                var node = new LiteralInline(string.Empty);
                pieces.Add(node);
                marks.Add(new Mark(node, match.Groups["ids"].Success ? match.Groups["ids"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries) : null));
                at = match.Index + match.Length;
            }

            if (at < text.Length)
            {
                pieces.Add(new LiteralInline(text[at..]));
            }

            Inline previous = pieces[0];
            literal.ReplaceBy(previous);
            foreach (var piece in pieces.Skip(1))
            {
                previous.InsertAfter(piece);
                previous = piece;
            }
        }

        return marks;
    }

    /// <summary>A mark in the document: a start, with its jurisdiction ids, or an end (no ids).</summary>
    private sealed record Mark(LiteralInline Node, IReadOnlyList<string>? Jurisdictions);

    [GeneratedRegex("\uE000(?:applies:(?<ids>[^\uE000\uE001]*)|end-applies)\uE001")]
    private static partial Regex AnyMark();
}
