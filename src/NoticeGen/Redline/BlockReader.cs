using System.Collections.Frozen;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NoticeGen.Redline;

/// <summary>
/// Reads section HTML into leaf blocks: paragraphs, headings, list items (their own text, not their nested lists), table rows
/// and the like. Keys number the elements of one version, so that blocks can tell which list or list item they share.
/// </summary>
internal sealed class BlockReader(HtmlParser parser)
{
    private static readonly FrozenSet<string> LeafTags = FrozenSet.ToFrozenSet(
        ["p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "dt", "dd", "caption", "figcaption", "address"], StringComparer.Ordinal);

    /// <summary>Elements that start a block; anything else is inline text of the block around it.</summary>
    private static readonly FrozenSet<string> BlockTags = FrozenSet.ToFrozenSet(
        [.. LeafTags, "li", "tr", "hr", "ul", "ol", "dl", "blockquote", "table", "thead", "tbody", "tfoot", "td", "th",
         "div", "section", "article", "aside", "header", "footer", "nav", "figure", "details", "summary", "main"],
        StringComparer.Ordinal);

    private int _nextKey;

    public IReadOnlyList<SourceBlock> Read(string html)
    {
        var blocks = new List<SourceBlock>();
        var body = parser.ParseDocument(html).Body;
        if (body is not null)
        {
            ReadChildren(body.ChildNodes, [], blocks);
        }

        return blocks;
    }

    private void ReadChildren(IEnumerable<INode> nodes, IReadOnlyList<BlockContainer> containers, List<SourceBlock> blocks)
    {
        var loose = new List<INode>();
        foreach (var node in nodes)
        {
            if (node is IElement element && BlockTags.Contains(element.LocalName))
            {
                FlushLoose();
                ReadBlock(element, containers, blocks);
            }
            else
            {
                loose.Add(node);
            }
        }

        FlushLoose();

        // Text outside any block (never from Markdig, but possible in hand-written HTML) reads as a paragraph of its own.
        void FlushLoose()
        {
            var tokens = Tokens(loose);
            if (tokens.Count > 0)
            {
                blocks.Add(new SourceBlock("p", containers, _nextKey++, tokens));
            }

            loose.Clear();
        }
    }

    private void ReadBlock(IElement element, IReadOnlyList<BlockContainer> containers, List<SourceBlock> blocks)
    {
        var tag = element.LocalName;
        var key = _nextKey++;
        if (tag == "li")
        {
            var nested = element.ChildNodes.OfType<IElement>().Where(e => BlockTags.Contains(e.LocalName)).ToList();
            var tokens = Tokens(element.ChildNodes.Where(n => !(n is IElement e && BlockTags.Contains(e.LocalName))));

            // A loose list item holds only paragraphs: then the paragraphs are the blocks, and the item just holds them.
            if (tokens.Count > 0 || nested.Count == 0)
            {
                blocks.Add(new SourceBlock(tag, containers, key, tokens));
            }

            ReadChildren(nested, [.. containers, new BlockContainer(tag, key)], blocks);
        }
        else if (tag == "tr")
        {
            var cells = element.Children.Where(c => c.LocalName is "td" or "th").Select(c => Tokens(c.ChildNodes)).ToList();
            var tokens = new List<InlineToken>();
            for (var i = 0; i < cells.Count; i++)
            {
                if (i > 0)
                {
                    tokens.Add(new InlineToken(DiffToken.CellBreak, null, TextStyle.None));
                }

                tokens.AddRange(cells[i]);
            }

            blocks.Add(new SourceBlock(tag, containers, key, tokens));
        }
        else if (tag == "hr")
        {
            blocks.Add(new SourceBlock(tag, containers, key, []));
        }
        else if (LeafTags.Contains(tag))
        {
            blocks.Add(new SourceBlock(tag, containers, key, Tokens(element.ChildNodes)));
        }
        else
        {
            ReadChildren(element.ChildNodes, [.. containers, new BlockContainer(tag, key)], blocks);
        }
    }

    private static IReadOnlyList<InlineToken> Tokens(IEnumerable<INode> nodes)
    {
        var tokens = new List<InlineToken>();
        foreach (var node in nodes)
        {
            AddInline(node, null, TextStyle.None, tokens);
        }

        return InlineToken.Tidy(tokens);
    }

    private static void AddInline(INode node, string? href, TextStyle style, List<InlineToken> tokens)
    {
        if (node is IText text)
        {
            tokens.AddRange(WordTokenizer.Instance.Chunk(text.Data).Select(t => new InlineToken(t, href, style)));
            return;
        }

        if (node is not IElement element)
        {
            return;
        }

        switch (element.LocalName)
        {
            case "br":
                tokens.Add(new InlineToken(DiffToken.LineBreak, href, style));
                return;
            case "img":
                // An image is shown as a link to it, labelled with its alt text, so a new picture or a new
                // description is a visible change, not a silent one.
                var label = $"[image: {element.GetAttribute("alt")}]";
                tokens.AddRange(WordTokenizer.Instance.Chunk(label).Select(t => new InlineToken(t, element.GetAttribute("src"), style)));
                return;
            case "a":
                href = element.GetAttribute("href") ?? href;
                break;
            case "strong" or "b":
                style |= TextStyle.Strong;
                break;
            case "em" or "i":
                style |= TextStyle.Emphasis;
                break;
            case "code" or "kbd" or "samp":
                style |= TextStyle.Code;
                break;
        }

        // A block inside inline text (a paragraph in a table cell) must not glue its words to its neighbours'.
        var isBlock = BlockTags.Contains(element.LocalName);
        if (isBlock)
        {
            tokens.Add(InlineToken.Space);
        }

        foreach (var child in element.ChildNodes)
        {
            AddInline(child, href, style, tokens);
        }

        if (isBlock)
        {
            tokens.Add(InlineToken.Space);
        }
    }
}
