using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers.Html;
using NoticeGen.Check;
using NoticeGen.Compose;
using NoticeGen.Load;
using SourceSpan = NoticeGen.Check.SourceSpan;

namespace NoticeGen.Render;

/// <summary>
/// Turns a fragment's Markdown into HTML for one page: raw HTML is escaped, symbolic references
/// ([](#contact), [text](notice:platform#contact)) get the page's numbers and links, and links with unsafe schemes become plain text.
/// </summary>
public sealed partial class MarkdownRenderer(SitePlan site)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseFootnotes()
        .Build();

    private static readonly HashSet<string> SafeSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>What a browser trims from both ends of a URL: the C0 control characters and space.</summary>
    private static readonly char[] ControlsAndSpace = Enumerable.Range(0, 0x21).Select(c => (char)c).ToArray();

    /// <summary>Containers (quotes, lists) nested deeper than this are refused: no reader follows them, and parsers tire.</summary>
    public const int MaxNesting = 32;

    /// <summary>The fragment's Markdown as HTML for one page (or the index page, when <paramref name="page"/> is null).</summary>
    /// <param name="section">The section the text stands in (its headings' anchors are qualified with it when they must be).</param>
    /// <param name="footnotes">How many footnotes the page has numbered before this text.</param>
    public RenderedMarkdown ToHtml(string markdown, Fragment fragment, PagePlan? page, string section, int footnotes, DiagnosticSink diagnostics)
    {
        if (DeepestNesting(markdown) is { } deep)
        {
            diagnostics.Report(Codes.MarkdownLimit, new SourceSpan(fragment.File, deep.Line, 1), $"This line nests quotes or lists {deep.Depth} deep, more than the {MaxNesting} NoticeGen allows.",
                "Flatten the structure: a notice needs a few levels of lists at most.");
            return new RenderedMarkdown(string.Empty, [], 0);
        }

        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
        {
            // Markdig gives up on inline nesting (links in links, emphasis in emphasis) without saying where.
            diagnostics.Report(Codes.MarkdownLimit, new SourceSpan(fragment.File, DeepestInlineLine(markdown), 1),
                "The Markdown of this line nests links, images, brackets or emphasis too deeply to read.",
                "Flatten the structure: close each link and emphasis before the next one opens.");
            return new RenderedMarkdown(string.Empty, [], 0);
        }

        var keptHtml = RawHtml.Apply(document, fragment, diagnostics, text => Locate(fragment, text));
        var labelled = PassageLabels.HasMarks(markdown);
        if (labelled)
        {
            PassageLabels.Apply(document, site.Content.Site.Jurisdictions);
        }

        PhoneNumbers.KeepTogether(document);
        var headings = NameHeadings(document, page, section);
        NumberOccurrences(document);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            RewriteLink(link, fragment, page, diagnostics);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !IsSafe(autolink.Url))
            {
                Unsafe(autolink, autolink.Url, fragment, diagnostics);
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        using var writer = new StringWriter { NewLine = "\n" };
        var renderer = new HtmlRenderer(writer)
        {
            // Defence in depth: whatever the walk above missed, no unsafe URL reaches an href or src. The walk has turned
            // every "ng:" link an editor wrote into text, so the ones left are the references it resolved.
            LinkRewriter = url => url.StartsWith('#') || url.StartsWith(InternalLink.Scheme, StringComparison.Ordinal) || IsSafe(url) ? url : "#unsafe-link-removed",
        };
        Pipeline.Setup(renderer);
        string Anchor(string id) => page is null ? "#" + id : new InternalLink(page.Key, id).Href;
        renderer.ObjectRenderers.Replace<HtmlFootnoteLinkRenderer>(new FootnoteLinkRenderer(footnotes, Anchor));
        renderer.ObjectRenderers.Replace<HtmlFootnoteGroupRenderer>(new FootnoteGroupRenderer(footnotes));
        renderer.Render(document);
        writer.Flush();
        var html = labelled ? PassageLabels.Strip(writer.ToString()) : writer.ToString();
        return new RenderedMarkdown(keptHtml ? HtmlGuard.Clean(html) : html, headings, document.Descendants<Footnote>().Count());
    }

    /// <summary>
    /// Gives each heading its anchor on the page (see <see cref="HeadingAnchors"/>), drops a written "{#id}" from its text,
    /// and moves it below the section heading (see <see cref="NestHeadings"/>).
    /// </summary>
    private static IReadOnlyList<SubHeading> NameHeadings(MarkdownDocument document, PagePlan? page, string section)
    {
        NestHeadings(document);
        var result = new List<SubHeading>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        // The page's anchors of this section by heading, in page order: looked up, not searched for each heading (a
        // fragment of thousands of headings of the same name took minutes).
        var planned = new Dictionary<string, Queue<string>>(StringComparer.Ordinal);
        foreach (var anchor in page?.Anchors.Where(a => a.Section == section) ?? [])
        {
            (planned.TryGetValue(anchor.RawId, out var ids) ? ids : planned[anchor.RawId] = new Queue<string>()).Enqueue(anchor.Id);
        }

        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var text = heading.Inline is null ? string.Empty : PlainText(heading.Inline);
            var raw = HeadingAnchors.RawId(text, out var visible);
            if (visible.Length != text.Trim().Length && heading.Inline?.LastChild is LiteralInline last)
            {
                var content = last.Content.ToString();
                var brace = content.LastIndexOf("{#", StringComparison.Ordinal);
                last.Content = new Markdig.Helpers.StringSlice(brace >= 0 ? content[..brace].TrimEnd() : content);
            }

            string? id = null;
            if (planned.TryGetValue(raw, out var queue))
            {
                while (id is null && queue.TryDequeue(out var next))
                {
                    id = used.Contains(next) ? null : next;
                }
            }

            id ??= page is null ? raw : $"{section}-{raw}";
            if (!used.Add(id))
            {
                var n = counters.GetValueOrDefault(raw, 2);
                do
                {
                    id = $"{section}-{raw}-{n++}";
                }
                while (!used.Add(id));
                counters[raw] = n;
            }

            heading.GetAttributes().Id = id;
            result.Add(new SubHeading(heading.Level, id, visible));
        }

        return result;
    }

    /// <summary>
    /// The first line whose quote and list markers nest deeper than <see cref="MaxNesting"/>, if any. A list nests by
    /// indentation too, each level at least two columns in, so the indentation before a line's first marker counts a
    /// level per two columns: Markdig slows quadratically on a thousand lines each indented a level deeper, and only then
    /// stops, without saying where.
    /// </summary>
    /// <summary>
    /// The line whose inline marks nest deepest: unclosed brackets ([, (, &lt;) counted open, and every emphasis mark. Only
    /// asked after the parser gave up, to name the line a reader should look at.
    /// </summary>
    internal static int DeepestInlineLine(string markdown)
    {
        var (line, deepestLine, deepest, depth, marks) = (1, 1, 0, 0, 0);
        foreach (var c in markdown)
        {
            if (c == '\n')
            {
                (line, depth, marks) = (line + 1, 0, 0);
                continue;
            }

            depth += c is '[' or '(' or '<' ? 1 : c is ']' or ')' or '>' && depth > 0 ? -1 : 0;
            marks += c is '*' or '_' ? 1 : 0;
            if (depth + marks > deepest)
            {
                (deepest, deepestLine) = (depth + marks, line);
            }
        }

        return deepestLine;
    }

    internal static (int Line, int Depth)? DeepestNesting(string markdown)
    {
        var line = 1;
        var depth = 0;
        var indent = 0;
        var atStart = true;
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '\n')
            {
                line++;
                depth = 0;
                indent = 0;
                atStart = true;
                continue;
            }

            if (!atStart)
            {
                continue;
            }

            if (c is ' ' or '\t')
            {
                indent += depth > 0 ? 0 : c == '\t' ? 4 - (indent % 4) : 1;
                continue;
            }

            var marker = c == '>' || (c is '-' or '+' or '*' && i + 1 < markdown.Length && markdown[i + 1] is ' ' or '\t');
            if (!marker && char.IsAsciiDigit(c))
            {
                var j = i;
                while (j < markdown.Length && char.IsAsciiDigit(markdown[j]))
                {
                    j++;
                }

                marker = j + 1 < markdown.Length && markdown[j] is '.' or ')' && markdown[j + 1] is ' ' or '\t';
                if (marker)
                {
                    i = j;
                }
            }

            if (!marker)
            {
                atStart = false;
                continue;
            }

            depth = depth == 0 ? (indent / 2) + 1 : depth + 1;
            if (depth > MaxNesting)
            {
                return (line, depth);
            }
        }

        return null;
    }

    /// <summary>
    /// The page's title is h1 and each section's heading h2, so a fragment's own headings start at h3 however the
    /// editor wrote them ('#' or '###'), keeping the heading order that screen-reader users navigate by.
    /// </summary>
    private static void NestHeadings(MarkdownDocument document)
    {
        var headings = document.Descendants<HeadingBlock>().ToList();
        if (headings.Count == 0)
        {
            return;
        }

        var shift = Math.Max(0, 3 - headings.Min(h => h.Level));
        foreach (var heading in headings)
        {
            heading.Level = Math.Min(6, heading.Level + shift);
        }
    }

    private void RewriteLink(LinkInline link, Fragment fragment, PagePlan? page, DiagnosticSink diagnostics)
    {
        var url = link.Url ?? string.Empty;
        if (url.StartsWith('#') || url.StartsWith("notice:", StringComparison.Ordinal))
        {
            ResolveReference(link, url, fragment, page, diagnostics);
        }
        else if (!IsSafe(url))
        {
            Unsafe(link, url, fragment, diagnostics);
            Unwrap(link);
        }
        else if (!SchemePattern().IsMatch(AsBrowserReads(url)) && !url.StartsWith("//", StringComparison.Ordinal) && url.Length > 0)
        {
            // A path of the site ("assets/logo.png"): read from the site's root, so it works from every page and version.
            var hash = url.IndexOf('#');
            var path = InternalLink.SitePath(hash < 0 ? url : url[..hash]);
            if (path is { Length: > 0 })
            {
                link.Url = InternalLink.ToFile(path, hash < 0 ? null : url[(hash + 1)..]).Href;
            }
        }
    }

    private void ResolveReference(LinkInline link, string url, Fragment fragment, PagePlan? page, DiagnosticSink diagnostics)
    {
        var (noticeId, sectionId) = SplitReference(url);
        var audience = page?.Audience ?? Audience.Everyone;
        PagePlan? target;
        if (noticeId is null)
        {
            target = page;
            if (target is null)
            {
                Fail(link, url, fragment, diagnostics, "A '#section' reference needs a notice page around it.",
                    "On the index page, write 'notice:NOTICE#section' instead.");
                return;
            }
        }
        else
        {
            target = site.Find(noticeId, audience.Id) ?? site.Find(noticeId, Audience.EveryoneId);
            if (target is null && !string.IsNullOrEmpty(link.Title))
            {
                // The fragment said what to show while that notice is not published (e.g. in an older release).
                Fallback(link, new InternalLink(new PageKey(noticeId, audience.Id), sectionId));
                return;
            }

            if (target is null)
            {
                Fail(link, url, fragment, diagnostics, $"The reference '{url}' names the notice '{noticeId}', which does not exist.",
                    $"Use one of the notice ids in site.yml ({string.Join(", ", site.Content.Site.Notices.Select(n => n.Id))}), or give the text to show instead as the link title: [text]({url} \"text\").");
                return;
            }
        }

        if (sectionId is null)
        {
            link.Url = new InternalLink(target.Key, null).Href;
            if (link.FirstChild is null)
            {
                link.AppendChild(new LiteralInline(target.Notice.Title));
            }

            link.Title = null;
            return;
        }

        var section = target.Find(sectionId);
        if (section is null && target.FindAnchor(sectionId) is { } anchor)
        {
            // A heading inside a section: [](#usage-information) or [](#section-id/usage-information).
            link.Url = new InternalLink(target.Key, anchor.Id).Href;
            link.Title = null;
            if (link.FirstChild is null)
            {
                link.AppendChild(new LiteralInline($"“{anchor.Text}”"));
            }

            return;
        }

        if (section is null)
        {
            if (!string.IsNullOrEmpty(link.Title))
            {
                Fallback(link, new InternalLink(target.Key, sectionId));
                return;
            }

            var exists = site.Content.Find(sectionId) is not null || site.Pages.Any(p => p.FindAnchor(sectionId) is not null);
            var why = exists
                ? $"The section '{sectionId}' is not on the {target.Notice.Id} page for {target.Audience.Name}."
                : $"The reference '{url}' names the section '{sectionId}', but no section has that id.";
            Fail(link, url, fragment, diagnostics, why,
                exists
                    ? $"Say what to show when it is absent, as the link title: [](#{sectionId} \"the text to show\")."
                    : "Use the id from the target fragment's front matter.");
            return;
        }

        link.Url = new InternalLink(target.Key, sectionId).Href;
        link.Title = null;
        if (link.FirstChild is null)
        {
            link.AppendChild(new LiteralInline(section.Number is { } n ? $"section {n}" : $"“{section.Title}”"));
        }
    }

    /// <summary>
    /// Shows a reference's fallback text (its title) where its target is not on the page. The text keeps the target the
    /// editor wrote, so that a version where the target exists, and the reference is a link, compares equal to this one.
    /// </summary>
    private static void Fallback(LinkInline link, InternalLink target)
    {
        var open = new HtmlInline($"<span {InternalLink.FallbackAttribute}=\"{target.Href[InternalLink.Scheme.Length..]}\">");
        link.ReplaceBy(open, copyChildren: false);
        var text = new LiteralInline(link.Title!);
        open.InsertAfter(text);
        text.InsertAfter(new HtmlInline("</span>"));
    }

    private static (string? Notice, string? Section) SplitReference(string url)
    {
        if (url.StartsWith('#'))
        {
            return (null, url[1..]);
        }

        var rest = url["notice:".Length..];
        var hash = rest.IndexOf('#');
        return hash < 0 ? (rest, null) : (rest[..hash], hash == rest.Length - 1 ? null : rest[(hash + 1)..]);
    }

    private void Fail(LinkInline link, string url, Fragment fragment, DiagnosticSink diagnostics, string message, string fix)
    {
        diagnostics.Report(Codes.Reference, Locate(fragment, url, link), message, fix);
        Unwrap(link);
    }

    private void Unsafe(Inline link, string url, Fragment fragment, DiagnosticSink diagnostics)
    {
        diagnostics.Report(Codes.UnsafeLink, Locate(fragment, url, link), $"The link '{Shorten(url)}' uses an unsafe scheme and is shown as plain text.",
            "Link only to http:, https:, mailto: or tel: addresses, or to sections with #id.");
    }

    private static string Shorten(string url) => url.Length > 60 ? url[..57] + "..." : url;

    private static bool IsSafe(string url)
    {
        var match = SchemePattern().Match(AsBrowserReads(url));
        return !match.Success || SafeSchemes.Contains(match.Groups[1].Value.ToLowerInvariant());
    }

    /// <summary>
    /// The URL as a browser parses it: tabs and line breaks anywhere are dropped, and control characters and spaces at
    /// either end, so "java&amp;#x09;script:" is read as the javascript: scheme it is, not as a path of the site.
    /// </summary>
    private static string AsBrowserReads(string url) =>
        url.Replace("\t", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal).Trim(ControlsAndSpace);

    /// <summary>Replaces a link by its text, so no reader can follow it.</summary>
    private static void Unwrap(LinkInline link) =>
        // A new node, not the link's own children moved out: moving them breaks Markdig's sibling links mid-walk.
        link.ReplaceBy(new LiteralInline(PlainText(link)), copyChildren: false);

    private static string PlainText(ContainerInline container)
    {
        var text = new System.Text.StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content); break;
                case CodeInline code: text.Append(code.Content); break;
                case AutolinkInline auto: text.Append(auto.Url); break;
                case LineBreakInline: text.Append(' '); break;
            }
        }

        return text.ToString();
    }

    /// <summary>Marks each link with how many links to the same URL come before it, so each is reported at its own place.</summary>
    private static void NumberOccurrences(MarkdownDocument document)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var inline in document.Descendants<Inline>())
        {
            var url = inline switch
            {
                LinkInline link => link.Url,
                AutolinkInline autolink => autolink.Url,
                _ => null,
            };
            if (url is not null)
            {
                var count = counts.GetValueOrDefault(url);
                inline.SetData(OccurrenceKey, count);
                counts[url] = count + 1;
            }
        }
    }

    private static readonly object OccurrenceKey = new();

    private SourceSpan Locate(Fragment fragment, string url, Inline link)
    {
        // The n-th link to a URL in the text is, as a rule, its n-th occurrence in the source; when the template layer
        // made the two differ (a loop, an include), the first occurrence is the best guess.
        var occurrence = link.GetData(OccurrenceKey) is int n ? n : 0;
        if (occurrence > 0 && NthIndex(fragment.Template, "(" + url, occurrence) is { } at)
        {
            return SourceSpan.At(fragment.File, fragment.Template, at + 1);
        }

        return Locate(fragment, url);
    }

    private static int? NthIndex(string text, string value, int n)
    {
        var index = -1;
        for (var i = 0; i <= n; i++)
        {
            index = text.IndexOf(value, index + 1, StringComparison.Ordinal);
            if (index < 0)
            {
                return null;
            }
        }

        return index;
    }

    /// <summary>
    /// Markdown positions shift after the template layer runs, so find the reference in the source the editor wrote:
    /// the fragment's own, else that of a fragment it includes.
    /// </summary>
    private SourceSpan Locate(Fragment fragment, string url)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<Fragment>([fragment]);
        while (pending.TryDequeue(out var candidate))
        {
            if (!seen.Add(candidate.Id))
            {
                continue;
            }

            var index = candidate.Template.IndexOf("(" + url, StringComparison.Ordinal);
            index = index >= 0 ? index + 1 : candidate.Template.IndexOf(url, StringComparison.Ordinal);
            if (index >= 0)
            {
                return SourceSpan.At(candidate.File, candidate.Template, index);
            }

            foreach (var included in TemplateCalls.Includes(candidate.Code))
            {
                if (site.Content.Find(included.Value) is { } next)
                {
                    pending.Enqueue(next);
                }
            }
        }

        return SourceSpan.StartOf(fragment.File);
    }

    [GeneratedRegex("^([a-zA-Z][a-zA-Z0-9+.-]*):")]
    private static partial Regex SchemePattern();
}
