using System.Collections.Frozen;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NoticeGen.Redline;

/// <summary>
/// Reads section HTML into leaf blocks: paragraphs, headings, list items (their own text, not their nested lists), table rows
/// and the like. Keys number the elements of one version, so that blocks can tell which list or list item they share.
/// </summary>
internal sealed class BlockReader(HtmlParser parser, BlockCache? cache = null)
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
        if (cache is null)
        {
            return Parse(html);
        }

        // A section text read before (the same section in another version, or on another audience's page) is not parsed
        // again: its blocks are reused with their keys moved up to where this version has got to, the keys a parse here
        // would have given them.
        var read = cache.GetOrAdd(html, text =>
        {
            var fresh = new BlockReader(parser);
            var blocks = fresh.Parse(text);
            return new BlockCache.Section(blocks, fresh._nextKey);
        });
        var offset = _nextKey;
        _nextKey += read.Keys;
        // Always copies, even at offset 0: each comparison keeps blocks of its own, as moves are found by block identity.
        return SourceBlock.Shift(read.Blocks, offset);
    }

    private List<SourceBlock> Parse(string html)
    {
        var blocks = new List<SourceBlock>();
        // Parsed in place: a document parsed from a string first copies all of it into a StringBuilder.
        var body = parser.ParseDocument(html.AsMemory()).Body;
        if (body is not null)
        {
            ReadChildren(body.ChildNodes, [], blocks);
        }

        SetBreaks(blocks);
        return blocks;
    }

    /// <summary>The attributes of an element in name order, so that their order in the source is no change.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> AttributesOf(IElement element) =>
        element.Attributes.Length == 0
            ? []
            : element.Attributes.Select(a => new KeyValuePair<string, string>(a.Name, a.Value)).OrderBy(a => a.Key, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Marks each block that opens a container right after a sibling container of the same tag closed (a second list straight
    /// after a first): the only part of the HTML that neither the block's words nor its containers' tags show.
    /// </summary>
    private static void SetBreaks(List<SourceBlock> blocks)
    {
        IReadOnlyList<BlockContainer> previous = [];
        foreach (var block in blocks)
        {
            var depth = 0;
            while (depth < block.Containers.Count && depth < previous.Count && block.Containers[depth].Equals(previous[depth]))
            {
                depth++;
            }

            if (depth < block.Containers.Count && depth < previous.Count && block.Containers[depth].Tag == previous[depth].Tag)
            {
                block.Break = $"{depth}:{previous[depth].Tag}";
            }

            previous = block.Tag == "li" ? [.. block.Containers, new BlockContainer("li", block.Key)] : block.Containers;
        }
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
        var attributes = AttributesOf(element);
        if (tag == "li")
        {
            var nested = element.ChildNodes.OfType<IElement>().Where(e => BlockTags.Contains(e.LocalName)).ToList();
            var tokens = Tokens(element.ChildNodes.Where(n => !(n is IElement e && BlockTags.Contains(e.LocalName))));

            // A loose list item holds only paragraphs: then the paragraphs are the blocks, and the item just holds them.
            if (tokens.Count > 0 || nested.Count == 0)
            {
                blocks.Add(new SourceBlock(tag, containers, key, tokens) { Attributes = attributes, HasNested = nested.Count > 0 });
            }

            ReadChildren(nested, [.. containers, new BlockContainer(tag, key) { Attributes = attributes }], blocks);
        }
        else if (tag == "tr")
        {
            var cellElements = element.Children.Where(c => c.LocalName is "td" or "th").ToList();
            var tokens = new List<InlineToken>();
            for (var i = 0; i < cellElements.Count; i++)
            {
                if (i > 0)
                {
                    tokens.Add(new InlineToken(DiffToken.CellBreak, InlineMarkup.None));
                }

                tokens.AddRange(Tokens(cellElements[i].ChildNodes));
            }

            blocks.Add(new SourceBlock(tag, containers, key, tokens)
            {
                Attributes = attributes,
                Cells = cellElements.Select(c => new InlineElement(c.LocalName, AttributesOf(c))).ToList(),
            });
        }
        else if (tag == "hr")
        {
            blocks.Add(new SourceBlock(tag, containers, key, []) { Attributes = attributes });
        }
        else if (LeafTags.Contains(tag))
        {
            blocks.Add(new SourceBlock(tag, containers, key, Tokens(element.ChildNodes)) { Attributes = attributes });
        }
        else
        {
            ReadChildren(element.ChildNodes, [.. containers, new BlockContainer(tag, key) { Attributes = attributes }], blocks);
        }
    }

    private static IReadOnlyList<InlineToken> Tokens(IEnumerable<INode> nodes)
    {
        var tokens = new List<InlineToken>();
        foreach (var node in nodes)
        {
            AddInline(node, InlineMarkup.None, tokens);
        }

        return InlineToken.Tidy(tokens);
    }

    private static void AddInline(INode node, InlineMarkup markup, List<InlineToken> tokens)
    {
        if (node is IText text)
        {
            // Spaces keep their elements, so that a link of several words stays one link; they compare equal all the same.
            tokens.AddRange(WordTokenizer.Instance.Chunk(text.Data).Select(chunk => new InlineToken(chunk, markup)));

            return;
        }

        if (node is not IElement element)
        {
            return;
        }

        switch (element.LocalName)
        {
            case "br":
                tokens.Add(new InlineToken(DiffToken.LineBreak, markup.Push(new InlineElement("br", AttributesOf(element)))));
                return;
            case "img":
                // An image is shown as a link to it, labelled with its alt text, so a new picture or a new
                // description is a visible change, not a silent one.
                var image = markup.Push(new InlineElement("img", AttributesOf(element)));
                tokens.AddRange(WordTokenizer.Instance.Chunk($"[image: {element.GetAttribute("alt")}]")
                    .Select(t => new InlineToken(t, image)));
                return;
        }

        // A block inside inline text (a paragraph in a table cell) must not glue its words to its neighbours'.
        if (BlockTags.Contains(element.LocalName))
        {
            tokens.Add(InlineToken.Space);
            foreach (var child in element.ChildNodes)
            {
                AddInline(child, markup, tokens);
            }

            tokens.Add(InlineToken.Space);
            return;
        }

        var inner = markup.Push(new InlineElement(element.LocalName, AttributesOf(element)));
        var start = tokens.Count;
        foreach (var child in element.ChildNodes)
        {
            AddInline(child, inner, tokens);
        }

        // An element with no text (an anchor) is still part of the page: it becomes a token without text.
        if (!tokens.Skip(start).Any(t => !t.IsSpace))
        {
            tokens.Add(new InlineToken(string.Empty, inner));
        }
    }
}
