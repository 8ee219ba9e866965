using System.Net;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NoticeGen.Check;
using NoticeGen.Load;
using SourceSpan = NoticeGen.Check.SourceSpan;

namespace NoticeGen.Render;

/// <summary>
/// What becomes of HTML written inside Markdown: comments are dropped (markdownlint directives, notes to editors); a
/// small safe set of inline tags is kept (&lt;br&gt;, &lt;sup&gt;, &lt;sub&gt;, &lt;abbr title&gt;, &lt;a id|name&gt;
/// as an anchor); anything else is shown as the text it is, with a warning saying where and what to do.
/// </summary>
public static partial class RawHtml
{
    private static readonly string[] Paired = ["sup", "sub", "abbr", "a"];

    /// <summary>Rewrites the document's HTML nodes as above; returns whether any HTML was kept (the output then gets a sanitizer pass).</summary>
    /// <remarks>
    /// <paramref name="locate"/> finds text in the source the editor wrote (the fragment's, or a fragment it includes): once
    /// the template layer has run (an include, a multi-line value), the Markdown's lines are no longer the file's.
    /// </remarks>
    public static bool Apply(MarkdownDocument document, Fragment fragment, DiagnosticSink sink, Func<string, SourceSpan>? locate = null)
    {
        void Warn(int line, int column, string raw) => RawHtml.Warn(sink, Where(fragment, line, column, raw, locate), raw);

        var kept = false;
        foreach (var block in document.Descendants<HtmlBlock>().ToList())
        {
            var raw = block.Lines.ToString();
            if (!IsComment(raw))
            {
                Warn(block.Line, block.Column, raw);
                var paragraph = new ParagraphBlock { Line = block.Line, Column = block.Column, Inline = new ContainerInline() };
                paragraph.Inline.AppendChild(new LiteralInline(raw.TrimEnd()));
                block.Parent!.Insert(block.Parent.IndexOf(block), paragraph);
            }

            block.Parent!.Remove(block);
        }

        foreach (var inline in document.Descendants<HtmlInline>().ToList())
        {
            if (IsComment(inline.Tag))
            {
                inline.Remove();
            }
            else if (Safe(inline.Tag) is { } tag)
            {
                inline.Tag = tag;
                kept = true;
            }
            else
            {
                Warn(inline.Line, inline.Column, inline.Tag);
                inline.ReplaceBy(new LiteralInline(inline.Tag));
            }
        }

        return kept;
    }

    private static bool IsComment(string raw) => raw.TrimStart().StartsWith("<!--", StringComparison.Ordinal) && raw.TrimEnd().EndsWith("-->", StringComparison.Ordinal);

    /// <summary>The tag as NoticeGen writes it when it is in the safe set (attributes re-quoted, others refused); else null.</summary>
    private static string? Safe(string raw)
    {
        var match = Tag().Match(raw);
        if (!match.Success)
        {
            return null;
        }

        var closing = match.Groups["close"].Success;
        var name = match.Groups["name"].Value.ToLowerInvariant();
        var attributes = Attribute().Matches(match.Groups["attrs"].Value)
            .Select(a => (Name: a.Groups["n"].Value.ToLowerInvariant(), Value: WebUtility.HtmlDecode(a.Groups["v1"].Success ? a.Groups["v1"].Value : a.Groups["v2"].Success ? a.Groups["v2"].Value : a.Groups["v3"].Value)))
            .ToList();
        if (closing)
        {
            return attributes.Count == 0 && Paired.Contains(name) ? $"</{name}>" : null;
        }

        return name switch
        {
            "br" when attributes.Count == 0 => "<br>",
            "sup" or "sub" when attributes.Count == 0 => $"<{name}>",
            "abbr" when attributes.All(a => a.Name == "title") => attributes.Count == 0 ? "<abbr>" : $"<abbr title=\"{WebUtility.HtmlEncode(attributes[0].Value)}\">",
            "a" when attributes.Count == 1 && attributes[0].Name is "id" or "name" && AnchorId().IsMatch(attributes[0].Value) => $"<a id=\"{attributes[0].Value}\">",
            _ => null,
        };
    }

    /// <summary>
    /// Where the editor wrote the HTML: its place in the Markdown when the file's line there holds it, else where
    /// <paramref name="locate"/> finds it in the source, else the start of the file.
    /// </summary>
    private static SourceSpan Where(Fragment fragment, int line, int column, string raw, Func<string, SourceSpan>? locate)
    {
        var first = raw.Trim().Split('\n')[0].TrimEnd('\r');
        var lines = fragment.Template.Split('\n');
        if (line < lines.Length && first.Length > 0 && lines[line].IndexOf(first, Math.Min(column, lines[line].Length), StringComparison.Ordinal) is var at and >= 0)
        {
            return new SourceSpan(fragment.File, line + 1, at + 1);
        }

        return first.Length > 0 && locate is not null ? locate(first) : SourceSpan.StartOf(fragment.File);
    }

    private static void Warn(DiagnosticSink sink, SourceSpan where, string raw)
    {
        var shown = raw.Trim().ReplaceLineEndings(" ");
        sink.Report(Codes.RawHtml, where,
            $"The HTML '{(shown.Length > 50 ? shown[..47] + "..." : shown)}' is shown as text: only <br>, <sup>, <sub>, <abbr title> and <a id> are kept.",
            "Write it in Markdown (**bold**, lists, tables, [links](...)), or remove it.");
    }

    [GeneratedRegex(@"^<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9]*)(?<attrs>(?:\s+[^>]*?)?)\s*/?>$", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<n>[A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*(?:""(?<v1>[^""]*)""|'(?<v2>[^']*)'|(?<v3>[^\s""'=<>`]+)))?")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"^[A-Za-z][\w.:-]*$")]
    private static partial Regex AnchorId();
}
