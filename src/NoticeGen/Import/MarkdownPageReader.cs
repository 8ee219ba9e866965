using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NoticeGen.Check;
using SourceSpan = NoticeGen.Check.SourceSpan;

namespace NoticeGen.Import;

/// <summary>
/// Reads a Markdown page (a docs-repository or Jekyll/Hugo page): YAML front matter is dropped (its title kept as a hint),
/// each block is kept in the author's own Markdown, and headings are read with their anchors ({#id}, &lt;a name&gt;, and
/// the slug a site generator would give them). HTML comments stay in the fragment (NoticeGen does not show them); raw HTML and Liquid code ({{ }}, {% %}) stay as literal text;
/// only &lt;br&gt;, &lt;sup&gt;, &lt;sub&gt;, &lt;abbr&gt; and anchors become Markdown.
/// </summary>
public static partial class MarkdownPageReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UsePipeTables().UseAutoLinks().Build();
    private static readonly HtmlParser Html = new();

    public static SourcePage Read(string file, string source)
    {
        source = source.Replace("\r\n", "\n", StringComparison.Ordinal);
        var (text, title) = StripFrontMatter(source);
        MarkdownNesting.Check(file, text);
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
        {
            // Inline nesting (thousands of brackets or emphasis marks) Markdig gives up on, without saying where.
            throw new UserErrorException(Codes.ImportSource.At(SourceSpan.StartOf(file), "The Markdown of this page is nested too deeply to read.",
                "Flatten the structure: a notice needs a few levels of lists, quotes and emphasis at most; then import the page again."));
        }
        var notes = new List<ImportNote>();
        var blocks = new List<FlatBlock>();
        foreach (var block in document)
        {
            var line = block.Line + 1;
            var slice = text.Substring(block.Span.Start, block.Span.Length);
            switch (block)
            {
                case HeadingBlock heading:
                    blocks.Add(Heading(heading, slice, line));
                    break;
                case ThematicBreakBlock or LinkReferenceDefinitionGroup or BlankLineBlock:
                    break;
                default:
                    var (markdown, anchors, shown) = Rewrite(block, text, file, notes);
                    // An HTML comment stays in the fragment for editors; NoticeGen does not show it to readers, as the source did not.
                    if (block is HtmlBlock && !slice.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
                    {
                        notes.Add(new ImportNote(NoteKind.ShownAsText, new SourceSpan(file, line, block.Column + 1),
                            $"“{HtmlPageReader.Shorten(HtmlPageReader.Collapse(slice).Trim())}”: raw HTML is shown as text by NoticeGen. Rewrite it in Markdown, or delete it."));
                    }

                    blocks.Add(new FlatBlock(line, 0, markdown, PlainText(shown), anchors));
                    break;
            }
        }

        return HeadingSplitter.Split(file, SourceFormat.Markdown, Footnotes(blocks), title, notes);
    }

    /// <summary>
    /// Footnote definitions ("[^1]: ...", usually at the end of the page) moved to the end of the section that first refers
    /// to them: each section is a fragment of its own, and a footnote shows only in the fragment that both defines and uses
    /// it; elsewhere its text is lost and the mark shows as "[^1]". The words a reader saw become the page's: the mark as its
    /// number (footnotes are numbered in the order they are first referred to), the note without its label.
    /// </summary>
    private static List<FlatBlock> Footnotes(List<FlatBlock> blocks)
    {
        // Definitions written on consecutive lines read as one paragraph: one block each, so each can go where it is used.
        blocks = blocks.SelectMany(b => b.IsHeading || !FootnoteDefinition().IsMatch(b.Markdown) ? [b] : SplitDefinitions(b)).ToList();
        var result = blocks.ToList();
        var definitions = blocks.Where(b => !b.IsHeading && FootnoteDefinition().IsMatch(b.Markdown)).ToList();
        if (definitions.Count == 0)
        {
            return result;
        }

        var sectionLevel = SectionLevel(blocks);
        int UserOf(string mark) => result.FindIndex(b => !b.IsHeading && b.Markdown.Replace(mark + ":", string.Empty, StringComparison.Ordinal).Contains(mark, StringComparison.Ordinal));
        // In the order they are referred to, which is the order the page numbers and lists them in.
        foreach (var definition in definitions.OrderBy(d => UserOf(Mark(d)) is var u and >= 0 ? (u, result[u].Markdown.IndexOf(Mark(d), StringComparison.Ordinal)) : (int.MaxValue, 0)))
        {
            var mark = Mark(definition);
            result.Remove(definition);
            var user = UserOf(mark);
            var end = user < 0 ? -1 : result.FindIndex(user, b => b.IsHeading && b.Level <= sectionLevel);
            result.Insert(user < 0 ? blocks.IndexOf(definition) : end < 0 ? result.Count : end, definition);
        }

        var marks = definitions.Select(Mark).Where(m => UserOf(m) >= 0).OrderBy(UserOf).Select((m, k) => (Mark: m, Number: k + 1)).ToList();
        return result.Select(b =>
        {
            var plain = b.PlainText;
            if (definitions.Contains(b))
            {
                plain = plain[Math.Min(plain.Length, Mark(b).Length + 1)..].TrimStart();
            }

            foreach (var (mark, number) in marks)
            {
                plain = plain.Replace(mark, number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }

            return b with { PlainText = plain };
        }).ToList();

        static string Mark(FlatBlock definition) => "[^" + FootnoteDefinition().Match(definition.Markdown).Groups[1].Value + "]";
    }

    private static IEnumerable<FlatBlock> SplitDefinitions(FlatBlock block)
    {
        var parts = new List<List<string>>();
        foreach (var line in block.Markdown.Split('\n'))
        {
            if (parts.Count == 0 || FootnoteDefinition().IsMatch(line))
            {
                parts.Add([]);
            }

            parts[^1].Add(line);
        }

        return parts.Count == 1 ? [block] : parts.Select((p, k) => block with
        {
            Line = block.Line + parts.Take(k).Sum(q => q.Count),
            Markdown = string.Join('\n', p),
            PlainText = PlainText(string.Join('\n', p)),
            Anchors = k == 0 ? block.Anchors : [],
        });
    }

    /// <summary>The heading level that starts sections, as <see cref="HeadingSplitter"/> reads a page of one notice: the level below a single top heading.</summary>
    private static int SectionLevel(List<FlatBlock> blocks)
    {
        var levels = blocks.Where(b => b.IsHeading).Select(b => b.Level).ToList();
        if (levels.Count == 0)
        {
            return 7;
        }

        var top = levels.Min();
        return levels.Count(l => l == top) == 1 && levels[0] == top && levels.Count > 1 ? levels.Skip(1).Min() : top;
    }

    /// <summary>Blanks out YAML front matter (keeping line numbers) and returns its title, if any.</summary>
    private static (string Text, string? Title) StripFrontMatter(string source)
    {
        var lines = source.Split('\n');
        if (lines.Length < 2 || lines[0].TrimEnd() != "---")
        {
            return (source, null);
        }

        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (end < 0)
        {
            return (source, null);
        }

        var title = lines[1..end].Select(l => FrontMatterTitle().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value.Trim().Trim('"', '\'');
        return (new string('\n', end + 1) + string.Join('\n', lines[(end + 1)..]), string.IsNullOrEmpty(title) ? null : title);
    }

    private static FlatBlock Heading(HeadingBlock heading, string slice, int line)
    {
        var text = heading.IsSetext ? string.Join(' ', slice.Split('\n').SkipLast(1).Select(l => l.Trim())) : AtxMarks().Replace(slice.Trim(), string.Empty);
        var anchors = new List<string>();
        var attribute = HeadingId().Match(text);
        if (attribute.Success)
        {
            anchors.Add(attribute.Groups[1].Value);
            text = text[..attribute.Index].TrimEnd();
        }

        text = NamedAnchor().Replace(text, m =>
        {
            anchors.Add(m.Groups[2].Value);
            return string.Empty;
        }).Trim();
        var plain = PlainText(text);
        // Links written for GitHub or Jekyll point at the slug those tools give a heading.
        var slug = GitHubSlug(plain);
        var implicitAnchors = new[] { slug, slug.TrimStart('-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9') }
            .Where(a => a.Length > 0 && !anchors.Contains(a)).Distinct(StringComparer.Ordinal).ToList();
        return new FlatBlock(line, heading.Level, text, plain, anchors.Distinct(StringComparer.Ordinal).ToList(), implicitAnchors);
    }

    /// <summary>
    /// The block's own Markdown with the HTML NoticeGen can express turned into Markdown (line breaks, &lt;sup&gt;, &lt;sub&gt;,
    /// &lt;abbr&gt;, anchors); any other HTML stays, reported as shown as text. Images the imported site cannot load become
    /// their alt text (see <see cref="Images"/>); <c>Shown</c> is the source with only that change, whose words the
    /// migration report expects on the composed page.
    /// </summary>
    private static (string Markdown, List<string> Anchors, string Shown) Rewrite(Block block, string text, string file, List<ImportNote> notes)
    {
        var anchors = new List<string>();
        var inTable = block is Table;
        var leaves = block is LeafBlock leaf ? [leaf] : block.Descendants<LeafBlock>().ToList();
        var images = Images(leaves, text, file, notes);
        // Reference links lose their definitions (written once for the page) when the page is split into fragments.
        var references = References(leaves, text).Where(r => !images.Any(i => r.Start >= i.Start && r.Start < i.Start + i.Length)).ToList();
        var scripts = ScriptDigits(leaves).Where(r => !images.Any(i => r.Start >= i.Start && r.Start < i.Start + i.Length)).ToList();
        var shown = images.Concat(references).Concat(scripts).ToList();
        var edits = new List<(int Start, int Length, string With)>(shown);
        foreach (var html in leaves.SelectMany(l => l.Inline?.Descendants<HtmlInline>() ?? []).OrderBy(h => h.Span.Start))
        {
            if (scripts.Any(s => html.Span.Start >= s.Start && html.Span.Start < s.Start + s.Length))
            {
                continue;
            }

            var tag = html.Tag;
            var named = NamedAnchor().Match(tag);
            if (named.Success && named.Index == 0 && named.Length == tag.Length)
            {
                anchors.Add(named.Groups[2].Value);
                edits.Add((html.Span.Start, html.Span.Length, string.Empty));
            }
            else if (LineBreak().IsMatch(tag))
            {
                edits.Add((html.Span.Start, html.Span.Length, inTable ? " " : BreakMark(text, html.Span.End + 1, block.Span.End)));
            }
            else if (AllowedTag().IsMatch(tag))
            {
                edits.Add((html.Span.Start, html.Span.Length, string.Empty));
            }
            else if (AnchorClose().IsMatch(tag) && edits.Count > 0 && edits[^1].Start + edits[^1].Length == html.Span.Start && edits[^1].With.Length == 0)
            {
                edits.Add((html.Span.Start, html.Span.Length, string.Empty));
            }
            else if (!tag.StartsWith("<!--", StringComparison.Ordinal))
            {
                var span = SourceSpan.At(file, text, html.Span.Start);
                notes.Add(new ImportNote(NoteKind.ShownAsText, span,
                    $"“{HtmlPageReader.Shorten(tag)}”: raw HTML is shown as text by NoticeGen. Rewrite it in Markdown, or delete it."));
            }
        }

        // An image's alt text is taken as written, so nothing inside it is rewritten twice.
        edits.RemoveAll(e => !shown.Contains(e) && images.Any(i => e.Start >= i.Start && e.Start < i.Start + i.Length));
        var markdown = Apply(edits, text, block);

        // Lines keep their own indentation (list items, code) but not the block's offset on its first line.
        var result = markdown.ToString();
        var indent = block.Column;
        if (indent > 0)
        {
            result = string.Join('\n', result.Split('\n').Select((l, i) => i == 0 ? l : l.Length >= indent && l[..indent].Trim().Length == 0 ? l[indent..] : l.TrimStart()));
        }

        return (result.TrimEnd(), anchors, Apply(shown, text, block));
    }

    /// <summary>
    /// A &lt;br&gt; as a Markdown line break: a backslash and a new line, or only the backslash when the author ended the line
    /// after it ("Oslo&lt;br&gt;⏎Norway": a second new line would end the paragraph and show the backslash), or nothing at
    /// the end of the block, where a break has no line to start.
    /// </summary>
    private static string BreakMark(string text, int after, int blockEnd)
    {
        var i = after;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i > blockEnd ? string.Empty : i < text.Length && text[i] == '\n' ? "\\" : "\\\n";
    }

    private static string Apply(List<(int Start, int Length, string With)> edits, string text, Block block)
    {
        var markdown = new StringBuilder(text.Substring(block.Span.Start, block.Span.Length));
        foreach (var (start, length, with) in edits.OrderByDescending(e => e.Start))
        {
            markdown.Remove(start - block.Span.Start, length).Insert(start - block.Span.Start, with);
        }

        return markdown.ToString();
    }

    /// <summary>
    /// Images whose address is not a full web address (logo.png, /img/logo.png): the import does not copy image files,
    /// and the built site would miss them, so each becomes its alt text (as written, emphasis and all), or nothing
    /// when it has none, and is listed.
    /// </summary>
    private static List<(int Start, int Length, string With)> Images(IEnumerable<LeafBlock> leaves, string text, string file, List<ImportNote> notes)
    {
        var edits = new List<(int Start, int Length, string With)>();
        foreach (var image in leaves.SelectMany(l => l.Inline?.Descendants<LinkInline>() ?? []).Where(l => l.IsImage).OrderBy(l => l.Span.Start))
        {
            var url = image.Url?.Trim() ?? string.Empty;
            if (UnloadableImage.IsWebAddress(url))
            {
                continue;
            }

            var alt = image.FirstChild is { } first && image.LastChild is { } last && last.Span.End >= first.Span.Start
                ? text[first.Span.Start..(last.Span.End + 1)].Trim()
                : string.Empty;
            notes.Add(UnloadableImage.Note(SourceSpan.At(file, text, image.Span.Start), url, alt));

            // A link holding nothing but this image would be left with no words to click: it goes with the image.
            var whole = alt.Length == 0 && image.Parent is LinkInline { IsImage: false } link && link.FirstChild == image && link.LastChild == image ? (Inline)link : image;
            edits.Add((whole.Span.Start, whole.Span.Length, alt));
        }

        return edits;
    }

    /// <summary>Digits between &lt;sup&gt; and &lt;/sup&gt; (or sub) as raised or lowered digits, tags and all: see <see cref="MarkdownText.ScriptDigits"/>.</summary>
    private static List<(int Start, int Length, string With)> ScriptDigits(IEnumerable<LeafBlock> leaves)
    {
        var edits = new List<(int Start, int Length, string With)>();
        foreach (var open in leaves.SelectMany(l => l.Inline?.Descendants<HtmlInline>() ?? []))
        {
            if (ScriptTag().Match(open.Tag) is { Success: true } m && open.NextSibling is LiteralInline digits
                && digits.NextSibling is HtmlInline close && close.Tag.Equals("</" + m.Groups[1].Value + ">", StringComparison.OrdinalIgnoreCase)
                && MarkdownText.ScriptDigits(digits.Content.ToString(), m.Groups[1].Value.Equals("sup", StringComparison.OrdinalIgnoreCase)) is { } glyphs)
            {
                edits.Add((open.Span.Start, close.Span.End - open.Span.Start + 1, glyphs));
            }
        }

        return edits;
    }

    /// <summary>
    /// Reference links and images (<c>[text][ref]</c>, <c>[text][]</c>, <c>[ref]</c>) made inline (<c>[text](url "title")</c>):
    /// the definitions they use are written once, anywhere on the page, and are not in the fragment that uses them.
    /// Only the part after the link text changes, so edits inside the text still apply.
    /// </summary>
    private static List<(int Start, int Length, string With)> References(IEnumerable<LeafBlock> leaves, string text)
    {
        var edits = new List<(int Start, int Length, string With)>();
        foreach (var link in leaves.SelectMany(l => l.Inline?.Descendants<LinkInline>() ?? []).Where(l => l.Reference is not null))
        {
            // The link text's closing bracket: right after its last inline (a link with no text is left as it is).
            var close = link.LastChild is { } last ? last.Span.End + 1 : -1;
            if (close <= link.Span.Start || close > link.Span.End || text[close] != ']')
            {
                continue;
            }

            var url = link.Url ?? string.Empty;
            var destination = url.Length == 0 || url.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '<' or '>')
                ? "<" + url.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal) + ">"
                : url;
            var title = string.IsNullOrEmpty(link.Title) ? string.Empty
                : " \"" + link.Title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
            edits.Add((close + 1, link.Span.End - close, "(" + destination + title + ")"));
        }

        return edits;
    }

    /// <summary>What a reader of the original site sees of some Markdown: rendered (raw HTML as HTML), then its text.</summary>
    internal static string PlainText(string markdown)
    {
        var html = Markdown.ToHtml(markdown, Pipeline);
        var body = Html.ParseDocument("<body>" + html + "</body>").Body!;
        var text = new StringBuilder();
        Collect(body, text);
        return HtmlPageReader.Collapse(text.ToString()).Trim();
    }

    private static void Collect(AngleSharp.Dom.INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is AngleSharp.Dom.IText t)
            {
                text.Append(t.Data);
            }
            else if (child is AngleSharp.Dom.IElement e && e.LocalName is not ("script" or "style"))
            {
                // Blocks (and line breaks) separate words; inline elements (a link, emphasis) do not.
                var block = e.LocalName is "p" or "li" or "ul" or "ol" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "pre"
                    or "table" or "tr" or "td" or "th" or "div" or "br" or "hr" or "dl" or "dt" or "dd";
                text.Append(block ? " " : string.Empty);
                Collect(e, text);
                text.Append(block ? " " : string.Empty);
            }
        }
    }

    /// <summary>GitHub's heading anchors: lowercase, punctuation dropped, spaces become hyphens.</summary>
    internal static string GitHubSlug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    [GeneratedRegex(@"^title:\s*(.+)$")]
    private static partial Regex FrontMatterTitle();

    [GeneratedRegex(@"^#{1,6}[ \t]*|[ \t]+#+[ \t]*$")]
    private static partial Regex AtxMarks();

    [GeneratedRegex(@"\s*\{\s*#([A-Za-z][\w\-:.]*)[^}]*\}\s*$")]
    private static partial Regex HeadingId();

    [GeneratedRegex(@"<a\s+(name|id)\s*=\s*[""']([^""']+)[""']\s*/?>\s*(</a>)?", RegexOptions.IgnoreCase)]
    private static partial Regex NamedAnchor();

    [GeneratedRegex(@"^</a\s*>$", RegexOptions.IgnoreCase)]
    private static partial Regex AnchorClose();

    [GeneratedRegex(@"^<br\s*/?>$", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"^</?(sup|sub|abbr)(\s[^>]*)?>$", RegexOptions.IgnoreCase)]
    private static partial Regex AllowedTag();

    [GeneratedRegex(@"^\[\^([^\]\s]+)\]:")]
    private static partial Regex FootnoteDefinition();

        [GeneratedRegex(@"^<(sup|sub)>$", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
