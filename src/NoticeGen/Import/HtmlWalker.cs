using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NoticeGen.Check;

namespace NoticeGen.Import;

/// <summary>Walks a web page's content in document order, gathering inline content into paragraphs between block elements.</summary>
internal sealed partial class HtmlWalker(string file, IDocument document)
{
    private static readonly HashSet<string> Ignored = ["script", "style", "noscript", "template", "link", "meta", "head", "title"];
    private static readonly HashSet<string> Chrome = ["nav", "header", "footer"];
    private static readonly HashSet<string> Embedded = ["iframe", "video", "audio", "object", "embed", "canvas", "svg", "form", "button", "input", "select", "textarea", "dialog", "map"];
    private static readonly HashSet<string> Blocks =
    [
        "p", "div", "section", "article", "main", "aside", "ul", "ol", "li", "dl", "dt", "dd", "table", "blockquote", "pre", "hr",
        "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "address", "details", "summary", "center", "header", "footer",
        "nav", "fieldset", "legend", "hgroup", "menu", "body", "tr", "td", "th", "thead", "tbody", "tfoot", "caption",
    ];

    private readonly StringBuilder _markdown = new();
    private readonly StringBuilder _plain = new();
    private readonly List<string> _pendingAnchors = [];

    /// <summary>Ids of wrappers (&lt;section id&gt;) not yet given to a block: they point at whatever comes first in them.</summary>
    private readonly List<string> _pendingWrappers = [];
    private readonly List<string> _lastHeadingAnchors = [];
    private int _line;

    public List<FlatBlock> Result { get; } = [];

    public List<ImportNote> Notes { get; } = [];

    private string? Base { get; } = document.QuerySelector("base[href]")?.GetAttribute("href")
        ?? document.QuerySelector("link[rel=canonical][href]")?.GetAttribute("href");

    public void Walk(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText)
            {
                AppendInline(child);
                continue;
            }

            if (child is not IElement element)
            {
                continue;
            }

            var tag = element.LocalName;
            if (Ignored.Contains(tag) || IsJurisdictionLabel(element))
            {
                continue;
            }

            if (Chrome.Contains(tag))
            {
                // Headers hold the page title and a "last updated" line: the headings stay, the rest is page chrome.
                if (tag != "nav")
                {
                    Flush();
                    foreach (var heading in element.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Where(h => h.Closest("nav") is null))
                    {
                        Heading(heading);
                    }

                    LeftOut(element);
                }

                continue;
            }

            if (element.Id is { Length: > 0 } id && !IsHeading(tag) && tag is not ("a" or "p" or "li"))
            {
                // A wrapper's id (<section id="contact">) points at the heading that opens it; links may use it, and a
                // section may take it as its id, but it is not the heading's own anchor.
                _pendingWrappers.Add(id);
            }

            switch (tag)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    Heading(element);
                    break;
                case "p" or "figcaption" or "summary" or "dt" or "dd" or "legend" or "caption":
                    Flush();
                    AnchorsOf(element);
                    if (tag == "dt")
                    {
                        var term = Inline(element, new Context());
                        Emit(term.Markdown.Length > 0 ? "**" + term.Markdown + "**" : string.Empty, term.Plain, element);
                    }
                    else if (HasBlockChildren(element))
                    {
                        Walk(element);
                        Flush();
                    }
                    else
                    {
                        var inline = Inline(element, new Context());
                        Emit(inline.Markdown, inline.Plain, element, headingMarkdown: tag == "p" && IsBoldLine(element) ? Unbolded(Tidy(inline.Markdown)) : null);
                    }

                    break;
                case "ul" or "ol" or "menu":
                    Flush();
                    var list = List(element, 0);
                    Emit(list.Markdown, list.Plain, element, lineStarts: false);
                    break;
                case "table":
                    Flush();
                    var table = Table(element);
                    Emit(table.Markdown, table.Plain, element, lineStarts: false);
                    break;
                case "blockquote":
                    Flush();
                    Quote(element);
                    break;
                case "pre":
                    Flush();
                    var code = element.TextContent.TrimEnd('\n');
                    var fence = code.Contains("```", StringComparison.Ordinal) ? "~~~~" : "```";
                    Emit(fence + "\n" + code + "\n" + fence, code, element, lineStarts: false);
                    break;
                case "hr":
                    Flush();
                    break;
                default:
                    if (Embedded.Contains(tag))
                    {
                        Flush();
                        Unsupported(element);
                    }
                    else if (Blocks.Contains(tag) || HasBlockChildren(element))
                    {
                        Flush();
                        Walk(element);
                        Flush();
                    }
                    else
                    {
                        AppendInline(element);
                    }

                    break;
            }
        }
    }

    public void Flush()
    {
        var markdown = Tidy(_markdown.ToString());
        var plain = _plain.ToString();
        _markdown.Clear();
        _plain.Clear();
        if (markdown.Length > 0 || plain.Trim().Length > 0)
        {
            Result.Add(new FlatBlock(_line, 0, MarkdownText.LineStarts(markdown), plain.Trim(), [.. Take(_pendingAnchors), .. Take(_pendingWrappers)]));
        }
    }

    private void AppendInline(INode node)
    {
        if (_markdown.Length == 0 && _plain.Length == 0)
        {
            _line = LineOf(node);
        }

        var context = new Context();
        var (markdown, plain) = node is IText text ? (MarkdownText.Inline(HtmlPageReader.Collapse(text.Data)), text.Data) : InlineElement((IElement)node, context);
        _markdown.Append(markdown);
        _plain.Append(plain);
    }

    private void Heading(IElement element)
    {
        Flush();
        var anchors = Take(_pendingAnchors);
        if (element.Id is { Length: > 0 } id)
        {
            anchors.Add(id);
        }

        var context = new Context { InHeading = true };
        var inline = Inline(element, context);
        anchors.AddRange(context.Anchors);
        var plain = HtmlPageReader.Collapse(inline.Plain).Trim();
        if (plain.Length == 0)
        {
            _pendingAnchors.AddRange(anchors);
            return;
        }

        var wrappers = Take(_pendingWrappers).Where(w => !anchors.Contains(w)).ToList();
        _lastHeadingAnchors.Clear();
        _lastHeadingAnchors.AddRange(anchors.Concat(wrappers));
        Result.Add(new FlatBlock(LineOf(element), int.Parse(element.LocalName[1..], System.Globalization.CultureInfo.InvariantCulture),
            Tidy(inline.Markdown), plain, anchors.Distinct(StringComparer.Ordinal).ToList(), wrappers));
    }

    private void Emit(string markdown, string plain, IElement element, bool lineStarts = true, string? headingMarkdown = null)
    {
        markdown = lineStarts ? MarkdownText.LineStarts(Tidy(markdown)) : markdown;
        if (markdown.Trim().Length == 0 && plain.Trim().Length == 0)
        {
            return;
        }

        var anchors = Take(_pendingAnchors);
        anchors.AddRange(Take(_pendingWrappers));
        if (element.Id is { Length: > 0 } id)
        {
            anchors.Add(id);
        }

        Result.Add(new FlatBlock(LineOf(element), 0, markdown, plain.Trim(), anchors, HeadingMarkdown: headingMarkdown));
    }

    /// <summary>A bold line's Markdown without the bold: the one pair of markers <see cref="Wrap"/> put around it.</summary>
    private static string? Unbolded(string markdown) =>
        markdown.Length > 4 && markdown.StartsWith("**", StringComparison.Ordinal) && markdown.EndsWith("**", StringComparison.Ordinal) && !markdown.Contains('\n')
            ? markdown[2..^2]
            : null;

    /// <summary>
    /// A paragraph whose words are all in one &lt;strong&gt; or &lt;b&gt;, short and on one line: how many CMS pages write
    /// their headings ("&lt;p&gt;&lt;strong&gt;1. Information We Collect&lt;/strong&gt;&lt;/p&gt;").
    /// </summary>
    private bool IsBoldLine(IElement paragraph)
    {
        var content = paragraph.ChildNodes.Where(n => n is IElement || (n is IText t && t.Data.Trim().Length > 0)).ToList();
        var text = HtmlPageReader.Collapse(paragraph.TextContent).Trim();
        return content is [IElement bold] && (bold.LocalName is "strong" or "b" || (bold.LocalName == "span" && Css(bold).Bold))
            && !bold.QuerySelectorAll("br, img").Any() && text.Any(char.IsLetter) && text.Length <= 120;
    }

    /// <summary>
    /// Bold and italics a page sets with CSS rather than &lt;strong&gt; and &lt;em&gt;, as Google Docs exports and some CMS
    /// editors write them: an element's own style="font-weight: 700", else a class the page's &lt;style&gt; makes bold
    /// (".c3{font-weight:700}"; only rules whose selector is one class are read).
    /// </summary>
    private (bool Bold, bool Italic) Css(IElement element)
    {
        var style = element.GetAttribute("style") ?? string.Empty;
        var weight = FontWeight().Match(style);
        var slant = FontStyle().Match(style);
        var classes = element.ClassList.Select(c => _classStyles.GetValueOrDefault(c)).ToList();
        return (weight.Success ? IsBold(weight.Groups[1].Value) : classes.Any(c => c.Bold),
            slant.Success ? IsItalic(slant.Groups[1].Value) : classes.Any(c => c.Italic));
    }

    private readonly Dictionary<string, (bool Bold, bool Italic)> _classStyles = ClassStyles(document);

    private static Dictionary<string, (bool Bold, bool Italic)> ClassStyles(IDocument document)
    {
        var styles = new Dictionary<string, (bool Bold, bool Italic)>(StringComparer.Ordinal);
        foreach (Match rule in document.QuerySelectorAll("style").SelectMany(s => CssRule().Matches(s.TextContent)))
        {
            var weight = FontWeight().Match(rule.Groups["body"].Value);
            var slant = FontStyle().Match(rule.Groups["body"].Value);
            foreach (var selector in rule.Groups["selectors"].Value.Split(','))
            {
                if (ClassSelector().Match(selector.Trim()) is { Success: true } name)
                {
                    var before = styles.GetValueOrDefault(name.Groups[1].Value);
                    styles[name.Groups[1].Value] = (weight.Success ? IsBold(weight.Groups[1].Value) : before.Bold,
                        slant.Success ? IsItalic(slant.Groups[1].Value) : before.Italic);
                }
            }
        }

        return styles;
    }

    private static bool IsBold(string weight) =>
        weight.ToLowerInvariant() is "bold" or "bolder" || (int.TryParse(weight, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 600);

    private static bool IsItalic(string style) => style.ToLowerInvariant() is "italic" or "oblique";

    [GeneratedRegex(@"font-weight\s*:\s*([a-z0-9]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FontWeight();

    [GeneratedRegex(@"font-style\s*:\s*([a-z]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FontStyle();

    [GeneratedRegex(@"(?<selectors>[^{}]+)\{(?<body>[^{}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex CssRule();

    [GeneratedRegex(@"^\.([A-Za-z_][A-Za-z0-9_-]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ClassSelector();

    private void AnchorsOf(IElement element)
    {
        foreach (var named in element.QuerySelectorAll("a[name]:not([href]), a[id]:not([href])"))
        {
            _pendingAnchors.Add(named.GetAttribute("name") ?? named.Id!);
        }
    }

    private void Quote(IElement element)
    {
        var inner = new HtmlWalker(file, document);
        inner.Walk(element);
        inner.Flush();
        Notes.AddRange(inner.Notes);
        var markdown = string.Join("\n>\n", inner.Result.Select(b => b.IsHeading ? "**" + b.Markdown + "**" : b.Markdown)
            .Select(m => string.Join('\n', m.Split('\n').Select(l => "> " + l))));
        Emit(markdown, string.Join('\n', inner.Result.Select(b => b.PlainText)), element, lineStarts: false);
    }

    private (string Markdown, string Plain) List(IElement list, int indent)
    {
        var ordered = list.LocalName == "ol";
        var number = int.TryParse(list.GetAttribute("start"), out var start) ? start : 1;
        var markdown = new StringBuilder();
        var plain = new StringBuilder();
        var lastMarker = 2;
        foreach (var item in Items(list))
        {
            if (item is IElement { LocalName: "ul" or "ol" } stray && markdown.Length > 0)
            {
                // A list written straight in a list (<ul><li>a</li><ul>...</ul></ul>) shows as the previous item's sub-list.
                var sub = List(stray, indent + lastMarker);
                markdown.Append(sub.Markdown).Append('\n');
                plain.Append(sub.Plain).Append('\n');
                continue;
            }

            var marker = ordered ? $"{number++}. " : "- ";
            var pad = new string(' ', indent + marker.Length);
            lastMarker = marker.Length;
            var parts = new List<string>();
            var current = new StringBuilder();
            var currentPlain = new StringBuilder();
            foreach (var child in item is IElement { LocalName: "li" } ? item.ChildNodes.ToList() : [item])
            {
                if (child is IElement { LocalName: "ul" or "ol" } nested)
                {
                    FlushPart();
                    var sub = List(nested, indent + marker.Length);
                    parts.Add("\n" + sub.Markdown);
                    plain.Append(sub.Plain).Append('\n');
                }
                else if (child is IElement { LocalName: "table" } table)
                {
                    // A table in a list item stays a table, indented under the item's text.
                    FlushPart();
                    var grid = Table(table);
                    if (grid.Markdown.Length > 0)
                    {
                        parts.Add("\n\n" + string.Join('\n', grid.Markdown.Split('\n').Select(l => pad + l)));
                        plain.Append(grid.Plain).Append('\n');
                    }
                }
                else if (child is IElement { LocalName: "p" or "div" } paragraph)
                {
                    FlushPart();
                    var inline = Inline(paragraph, new Context());
                    current.Append(inline.Markdown);
                    currentPlain.Append(inline.Plain);
                    FlushPart();
                }
                else
                {
                    var inline = child is IText text ? (MarkdownText.Inline(HtmlPageReader.Collapse(text.Data)), text.Data) : child is IElement e ? InlineElement(e, new Context()) : (string.Empty, string.Empty);
                    current.Append(inline.Item1);
                    currentPlain.Append(inline.Item2);
                }
            }

            FlushPart();
            if (parts.Count == 0)
            {
                continue;
            }

            if (item is IElement { LocalName: "li", Id: { Length: > 0 } id })
            {
                _pendingAnchors.Add(id);
            }

            markdown.Append(new string(' ', indent)).Append(marker);
            var first = true;
            foreach (var part in parts)
            {
                if (part.StartsWith('\n'))
                {
                    markdown.Append(first ? string.Empty : "\n").Append(part[1..]);
                }
                else
                {
                    var lines = MarkdownText.LineStarts(part).Split('\n');
                    markdown.Append(first ? string.Empty : "\n\n" + pad).Append(string.Join("\n" + pad, lines));
                }

                first = false;
            }

            if (!markdown.ToString().EndsWith('\n'))
            {
                markdown.Append('\n');
            }

            void FlushPart()
            {
                var text = Tidy(current.ToString());
                if (text.Length > 0)
                {
                    parts.Add(text);
                    plain.Append(currentPlain.ToString().Trim()).Append('\n');
                }

                current.Clear();
                currentPlain.Clear();
            }
        }

        return (markdown.ToString().TrimEnd('\n'), plain.ToString().Trim());
    }

    /// <summary>
    /// A list's items: its &lt;li&gt;s, also those in a wrapper (&lt;ul&gt;&lt;div class="row"&gt;&lt;li&gt;, which browsers show as
    /// items), and any other content with words in it, as an item of its own; none of their words is dropped.
    /// </summary>
    private static IEnumerable<INode> Items(IElement list)
    {
        foreach (var child in list.ChildNodes)
        {
            switch (child)
            {
                case IElement { LocalName: "li" }:
                    yield return child;
                    break;
                case IElement wrapper when !Ignored.Contains(wrapper.LocalName) && wrapper.QuerySelector("li") is not null && wrapper.LocalName is not ("ul" or "ol" or "menu"):
                    foreach (var item in Items(wrapper))
                    {
                        yield return item;
                    }

                    break;
                case IElement element when Ignored.Contains(element.LocalName):
                    break;
                case IElement or IText when child.TextContent.Trim().Length > 0:
                    yield return child;
                    break;
            }
        }
    }

    private (string Markdown, string Plain) Table(IElement table)
    {
        var rows = table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table).ToList();
        if (rows.Count == 0)
        {
            return (string.Empty, string.Empty);
        }

        var cells = Grid(rows);
        var columns = cells.Max(r => r.Count);
        var markdown = new StringBuilder();
        for (var r = 0; r < cells.Count; r++)
        {
            markdown.Append('|');
            for (var c = 0; c < columns; c++)
            {
                var cell = c < cells[r].Count ? Tidy(cells[r][c].Markdown).Replace('\n', ' ') : string.Empty;
                markdown.Append(' ').Append(cell).Append(" |");
            }

            markdown.Append('\n');
            if (r == 0)
            {
                markdown.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", columns))).Append('\n');
            }
        }

        var plain = string.Join('\n', cells.Select(r => string.Join(' ', r.Select(c => c.Plain.Trim()))));
        // A Markdown table has no caption: it stays as a paragraph above the table.
        if (table.Children.FirstOrDefault(c => c.LocalName == "caption") is { } caption && Inline(caption, new Context()) is { } title
            && Tidy(title.Markdown) is { Length: > 0 } words)
        {
            return (MarkdownText.LineStarts(words) + "\n\n" + markdown.ToString().TrimEnd('\n'), title.Plain.Trim() + "\n" + plain);
        }

        return (markdown.ToString().TrimEnd('\n'), plain);
    }

    /// <summary>
    /// The table's cells on a grid: a cell spanning rows or columns (rowspan, colspan) takes its first place, the places
    /// it covers stay empty, so every other cell stays in its own column; Markdown tables cannot span.
    /// </summary>
    private List<List<(string Markdown, string Plain)>> Grid(List<IElement> rows)
    {
        var grid = new List<List<(string Markdown, string Plain)>>();
        var covered = new List<int>(); // per column: how many rows below are still covered by a cell above
        foreach (var row in rows)
        {
            var line = new List<(string Markdown, string Plain)>();
            foreach (var cell in row.Children.Where(c => c.LocalName is "td" or "th"))
            {
                SkipCovered();
                var start = line.Count;
                line.Add(Inline(cell, new Context { InTable = true }));
                var across = Span(cell, "colspan");
                var down = Span(cell, "rowspan") - 1;
                for (var c = start; c < start + across; c++)
                {
                    if (c > start)
                    {
                        line.Add((string.Empty, string.Empty));
                    }

                    while (covered.Count <= c)
                    {
                        covered.Add(0);
                    }

                    covered[c] = down;
                }
            }

            // Columns past the row's last cell that a cell above still covers.
            while (line.Count < covered.Count && covered.Skip(line.Count).Any(n => n > 0))
            {
                SkipCovered();
                if (line.Count < covered.Count && covered[line.Count] == 0)
                {
                    line.Add((string.Empty, string.Empty));
                }
            }

            grid.Add(line);

            void SkipCovered()
            {
                while (line.Count < covered.Count && covered[line.Count] > 0)
                {
                    covered[line.Count]--;
                    line.Add((string.Empty, string.Empty));
                }
            }
        }

        return grid;
    }

    /// <summary>A cell's rowspan or colspan, within what a notice's table could mean (a hostile 100000 would blow up the grid).</summary>
    private static int Span(IElement cell, string attribute) =>
        int.TryParse(cell.GetAttribute(attribute), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 50) : 1;

    private sealed class Context
    {
        public bool InHeading { get; init; }

        public bool InTable { get; init; }

        public int Strong { get; set; }

        public int Emphasis { get; set; }

        public List<string> Anchors { get; } = [];
    }

    private (string Markdown, string Plain) Inline(INode node, Context context)
    {
        var markdown = new StringBuilder();
        var plain = new StringBuilder();
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    markdown.Append(MarkdownText.Inline(HtmlPageReader.Collapse(text.Data), context.InTable));
                    plain.Append(text.Data);
                    break;
                case IElement element:
                    var (m, p) = InlineElement(element, context);
                    markdown.Append(m);
                    plain.Append(p);
                    break;
            }
        }

        return (markdown.ToString(), plain.ToString());
    }

    private (string Markdown, string Plain) InlineElement(IElement element, Context context)
    {
        var tag = element.LocalName;
        if (Ignored.Contains(tag) || IsJurisdictionLabel(element))
        {
            return (string.Empty, string.Empty);
        }

        if (tag == "button" && context.InHeading)
        {
            // An accordion's heading is a button that opens its section: its words are the heading's.
            return Inline(element, context);
        }

        if (Embedded.Contains(tag))
        {
            Unsupported(element);
            return (string.Empty, element.TextContent);
        }

        switch (tag)
        {
            case "br":
                return (context.InTable || context.InHeading ? " " : "\\\n", "\n");
            case "img":
                return Image(element);
            case "a":
                return Link(element, context);
            case "strong" or "b":
                return Wrap(element, context, "**", c => c.Strong, (c, v) => c.Strong = v);
            case "em" or "i" or "cite" or "dfn" or "var":
                return Wrap(element, context, "*", c => c.Emphasis, (c, v) => c.Emphasis = v);
            case "sup" or "sub" when MarkdownText.ScriptDigits(element.TextContent, tag == "sup") is { } digits:
                // A footnote mark: keep its link (to the note) around the raised digits.
                var mark = Inline(element, context);
                var at = mark.Markdown.IndexOf(element.TextContent.Trim(), StringComparison.Ordinal);
                return (at < 0 ? digits : mark.Markdown[..at] + digits + mark.Markdown[(at + element.TextContent.Trim().Length)..], digits);
            case "q":
                // Browsers show an inline quotation in quotation marks; Markdown has no element for it.
                var quoted = Inline(element, context);
                return ("“" + quoted.Markdown + "”", "“" + quoted.Plain + "”");
            case "span" or "font" when Css(element) is var css && (css.Bold || css.Italic):
                return css.Bold
                    ? Wrap(element, context, "**", c => c.Strong, (c, v) => c.Strong = v)
                    : Wrap(element, context, "*", c => c.Emphasis, (c, v) => c.Emphasis = v);
            case "code" or "kbd" or "samp" or "tt":
                var code = HtmlPageReader.Collapse(element.TextContent);
                var ticks = code.Contains('`', StringComparison.Ordinal) ? "``" : "`";
                return (code.Trim().Length == 0 ? code : ticks + (ticks.Length > 1 ? " " + code + " " : code) + ticks, element.TextContent);
            default:
                if (element.Id is { Length: > 0 } id)
                {
                    context.Anchors.Add(id);
                    if (!context.InHeading)
                    {
                        _pendingAnchors.Add(id);
                    }
                }

                var inner = Inline(element, context);
                return Blocks.Contains(tag) ? (" " + inner.Markdown + " ", " " + inner.Plain + " ") : inner;
        }
    }

    private (string Markdown, string Plain) Wrap(IElement element, Context context, string marker, Func<Context, int> get, Action<Context, int> set)
    {
        set(context, get(context) + 1);
        var (markdown, plain) = Inline(element, context);
        set(context, get(context) - 1);
        var trimmed = markdown.Trim();
        if (get(context) > 0 || trimmed.Length == 0 || trimmed.EndsWith('\\'))
        {
            return (markdown, plain);
        }

        // Emphasis markers hug the text: spaces inside the element move outside them.
        var lead = markdown[..(markdown.Length - markdown.TrimStart().Length)];
        var trail = markdown[markdown.TrimEnd().Length..];
        return (lead + marker + trimmed + marker + trail, plain);
    }

    private (string Markdown, string Plain) Link(IElement element, Context context)
    {
        var href = element.GetAttribute("href");
        // A link's own id is a target too: footnotes link to the mark (<a id="ref1" href="#fn1">) and back.
        foreach (var name in new[] { element.GetAttribute("name"), element.Id }.Where(n => n is { Length: > 0 }).Distinct())
        {
            context.Anchors.Add(name!);
            if (!context.InHeading)
            {
                _pendingAnchors.Add(name!);
            }
        }

        var (markdown, plain) = Inline(element, context);
        if (href is null)
        {
            return (markdown, plain);
        }

        var text = HtmlPageReader.Collapse(plain).Trim();
        if (href.StartsWith('#') && IsPermalink(element, text, href[1..]))
        {
            return (string.Empty, string.Empty);
        }

        if (text.Length == 0 && (!element.QuerySelectorAll("img").Any() || markdown.Trim().Length == 0))
        {
            return (string.Empty, plain);
        }

        if (href.StartsWith('#'))
        {
            var anchor = Uri.UnescapeDataString(href[1..]);
            return anchor.Length == 0 || anchor.Any(char.IsWhiteSpace) || anchor.Contains(')', StringComparison.Ordinal)
                ? (markdown, plain)
                : ($"[{markdown.Trim()}](#{anchor})", plain);
        }

        if (Resolve(href, element) is not { } target)
        {
            return (markdown.Trim(), plain); // the words stay; the note says where the link went
        }

        if (target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && text == target[7..] && !text.Any(c => char.IsWhiteSpace(c) || c is '<' or '>'))
        {
            return ($"<{text}>", plain);
        }

        if (text == target && Scheme().IsMatch(target) && !target.Any(c => char.IsWhiteSpace(c) || c is '<' or '>'))
        {
            return ($"<{target}>", plain);
        }

        return ($"[{markdown.Trim()}]({Destination(target)})", plain);
    }

    /// <summary>
    /// NoticeGen's own "Applies to California residents" label on a full notice: it comes from front matter and
    /// {{ if applies }}, not from the text, so importing a built page must not turn it into words.
    /// </summary>
    private static bool IsJurisdictionLabel(IElement element) => element.ClassList.Contains("applies-to");

    /// <summary>The "#" or "¶" link many sites put beside a heading, pointing at it: decoration, not text.</summary>
    private bool IsPermalink(IElement element, string text, string target) =>
        (text.Length <= 2 && !text.Any(char.IsLetterOrDigit)) ||
        (element.ClassName is { } c && Decoration().IsMatch(c) && _lastHeadingAnchors.Contains(target, StringComparer.Ordinal));

    /// <summary>The link's address as the imported site can use it; null for a relative one with no base address to read it from.</summary>
    private string? Resolve(string href, IElement element)
    {
        if (Scheme().IsMatch(href) || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            return href;
        }

        if (Base is { } b && Uri.TryCreate(b, UriKind.Absolute, out var baseUri) && Uri.TryCreate(baseUri, href, out var absolute))
        {
            return absolute.ToString();
        }

        Notes.Add(new ImportNote(NoteKind.Check, new SourceSpan(file, LineOf(element), ColumnOf(element)),
            $"The link “{HtmlPageReader.Collapse(element.TextContent).Trim()}” points at '{href}', relative to the page it was on, so its words were kept as text. Link them again with a full address (https://...) or a reference to a notice (notice:ID)."));
        return null;
    }

    /// <summary>
    /// An image the site can show: one with a full address, or one the page's base address makes full. The import
    /// does not copy image files, and a relative one would be a missing file in the built site, so such an image
    /// becomes its alt text (the words a reader without the picture got), or nothing when it has none, and is listed.
    /// </summary>
    private (string Markdown, string Plain) Image(IElement element)
    {
        var src = element.GetAttribute("src")?.Trim();
        if (string.IsNullOrEmpty(src))
        {
            return (string.Empty, string.Empty);
        }

        var alt = HtmlPageReader.Collapse(element.GetAttribute("alt") ?? string.Empty).Trim();
        var target = Scheme().IsMatch(src) ? src
            : Base is { } b && Uri.TryCreate(b, UriKind.Absolute, out var baseUri) && Uri.TryCreate(baseUri, src, out var absolute) ? absolute.ToString()
            : null;
        if (target is not null && UnloadableImage.IsWebAddress(target))
        {
            return ($"![{MarkdownText.Inline(alt)}]({Destination(target)})", string.Empty);
        }

        Notes.Add(UnloadableImage.Note(new SourceSpan(file, LineOf(element), ColumnOf(element)), src, alt));
        return alt.Length == 0 ? (string.Empty, string.Empty) : (MarkdownText.Inline(alt), alt);
    }

    private static string Destination(string url) =>
        url.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '<' or '>') ? "<" + url.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal) + ">" : url;

    private void Unsupported(IElement element)
    {
        Notes.Add(new ImportNote(NoteKind.LeftOut, new SourceSpan(file, LineOf(element), ColumnOf(element)),
            $"A <{element.LocalName}> element{(element.TextContent.Trim().Length > 0 ? $" (“{HtmlPageReader.Shorten(HtmlPageReader.Collapse(element.TextContent).Trim())}”)" : string.Empty)} cannot be written in Markdown and was left out."));
    }

    /// <summary>Reports the text of a header or footer, apart from its headings, as left out.</summary>
    private void LeftOut(IElement chrome)
    {
        var copy = (IElement)chrome.Clone(deep: true);
        foreach (var part in copy.QuerySelectorAll("h1, h2, h3, h4, h5, h6, nav, script, style").ToList())
        {
            part.Remove();
        }

        foreach (var block in copy.QuerySelectorAll("p, div, li, br").ToList())
        {
            block.Before(document.CreateTextNode(" "));
        }

        var text = copy.TextContent;
        var content = HtmlPageReader.Collapse(text).Trim();
        if (content.Length > 0)
        {
            Notes.Add(new ImportNote(NoteKind.LeftOut, new SourceSpan(file, LineOf(chrome), ColumnOf(chrome)),
                $"“{HtmlPageReader.Shorten(content)}”: the page's {chrome.LocalName} around the notice, not part of it."));
        }
    }

    private static bool IsHeading(string tag) => tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    private static bool HasBlockChildren(IElement element) =>
        element.Children.Any(c => Blocks.Contains(c.LocalName) && c.LocalName is not ("br"));

    private static List<string> Take(List<string> pending)
    {
        var taken = pending.Distinct(StringComparer.Ordinal).ToList();
        pending.Clear();
        return taken;
    }

    private static int LineOf(INode node) => Located(node as IElement ?? node.ParentElement)?.SourceReference?.Position.Line ?? 1;

    private static int ColumnOf(IElement element) => Located(element)?.SourceReference?.Position.Column ?? 1;

    /// <summary>The element, or its nearest ancestor, that knows where it is in the file: the parser gives an &lt;svg&gt; none.</summary>
    private static IElement? Located(IElement? element)
    {
        while (element is { SourceReference: null })
        {
            element = element.ParentElement;
        }

        return element;
    }

    /// <summary>Collapses spaces and trims each line of a Markdown block, keeping its hard line breaks.</summary>
    private static string Tidy(string markdown)
    {
        var lines = markdown.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).ToList();
        // Two <br>s in a row (a line with nothing but a break's mark) are how many pages write a paragraph break.
        var paragraphs = new List<List<string>> { new() };
        foreach (var line in lines)
        {
            if (line == "\\" && paragraphs[^1].Count > 0 && HardBreak(paragraphs[^1][^1]))
            {
                paragraphs.Add([]);
            }
            else
            {
                paragraphs[^1].Add(line);
            }
        }

        return string.Join("\n\n", paragraphs.Select(TidyLines).Where(p => p.Length > 0));
    }

    private static string TidyLines(List<string> lines)
    {
        // A line break needs text on both sides: drop the marks of <br>s at the start or end of a block, or in a row.
        var kept = lines.Where(l => l.Length > 0 && l != "\\").ToList();
        for (var i = 0; i < kept.Count; i++)
        {
            var breaks = HardBreak(kept[i]);
            if (breaks && i == kept.Count - 1)
            {
                kept[i] = kept[i][..^1].TrimEnd();
            }
            else if (!breaks && i < kept.Count - 1)
            {
                kept[i] += "\\";
            }
        }

        return string.Join('\n', kept);
    }

    /// <summary>Whether a line ends with the backslash of a hard line break (an odd run of backslashes; an even run is text).</summary>
    private static bool HardBreak(string line)
    {
        var count = line.Length - line.TrimEnd('\\').Length;
        return count % 2 == 1;
    }

    [GeneratedRegex(@" {2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"permalink|anchor|headerlink|heading-link", RegexOptions.IgnoreCase)]
    private static partial Regex Decoration();
}
