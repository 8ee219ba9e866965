using System.Text.RegularExpressions;
using NoticeGen.Check;

namespace NoticeGen.Import;

/// <summary>
/// Splits a page read as headings and blocks (HTML, Markdown) into notices and sections. A single top heading is the page's
/// title. Below it, a few headings that each hold several headings of their own are notices (a page of several notices);
/// otherwise the page is one notice and its highest remaining heading level gives the sections. Deeper headings stay
/// inside their section as sub-headings.
/// </summary>
public static partial class HeadingSplitter
{
    /// <summary>More headings than this at one level are a notice's sections, not notices.</summary>
    private const int MaxNotices = 8;

    /// <summary>Each notice of a page of several holds at least this many sections.</summary>
    private const int MinSectionsPerNotice = 3;

    public static SourcePage Split(string file, SourceFormat format, IReadOnlyList<FlatBlock> blocks, string? titleHint, List<ImportNote> notes)
    {
        blocks = TableOfContents.Drop(file, blocks, notes);
        var siteName = SiteName(file, ref blocks, notes);
        var headings = blocks.Select((b, i) => (Block: b, Index: i)).Where(h => h.Block.IsHeading).ToList();
        if (headings.Count == 0)
        {
            throw new UserErrorException(Codes.ImportSource.At(SourceSpan.StartOf(file), "The page has no headings, so it cannot be split into sections.",
                format == SourceFormat.Html
                    ? "Give each section an <h2> (or another h1-h6) heading, and import again."
                    : "Start each section with a Markdown heading ('## Title'), and import again."));
        }

        int? pageTitle = null;
        var top = headings.Min(h => h.Block.Level);
        if (headings.Count(h => h.Block.Level == top) == 1 && headings[0].Block.Level == top)
        {
            pageTitle = headings[0].Index;
        }

        var rest = headings.Where(h => h.Index != pageTitle).ToList();
        if (rest.Count == 0)
        {
            throw new UserErrorException(Codes.ImportSource.At(new SourceSpan(file, blocks[headings[0].Index].Line, 1),
                "The page has only one heading (its title), so it cannot be split into sections.",
                "Give each section a heading of its own below the title, and import again."));
        }

        var level = rest.Min(h => h.Block.Level);
        var starts = rest.Where(h => h.Block.Level == level).Select(h => h.Index).ToList();
        var multi = starts.Count is >= 2 and <= MaxNotices && starts.Select((s, k) =>
            rest.Count(h => h.Index > s && (k + 1 == starts.Count || h.Index < starts[k + 1]) && h.Block.Level > level)).All(n => n >= MinSectionsPerNotice);

        var anchors = new Dictionary<string, AnchorTarget>(StringComparer.Ordinal);
        var notices = new List<SourceNotice>();
        string? siteTitle;
        List<SourceBlock> siteIntro = [];
        if (multi)
        {
            siteTitle = pageTitle is { } t ? blocks[t].PlainText : titleHint;
            var introEnd = starts[0];
            siteIntro = Body(blocks, 0, introEnd, 0, pageTitle);
                for (var k = 0; k < starts.Count; k++)
            {
                var end = k + 1 < starts.Count ? starts[k + 1] : blocks.Count;
                notices.Add(Notice(blocks, starts[k], starts[k] + 1, end, blocks[starts[k]].PlainText, k, anchors));
            }
        }
        else
        {
            var title = pageTitle is { } t ? blocks[t].PlainText : titleHint ?? Path.GetFileNameWithoutExtension(file);
            siteTitle = SiteTitle(titleHint, title);
            siteTitle = siteTitle == title && siteName is not null ? siteName : siteTitle;
            // Text before the page's title (a lead paragraph above the h1) belongs to the notice's intro too.
            var notice = Notice(blocks, pageTitle, 0, blocks.Count, title, 0, anchors);
            notices.Add(notice);
        }

        return new SourcePage(file, format, siteTitle, siteIntro, notices, anchors, notes);
    }

    /// <summary>
    /// A top heading with nothing under it before another top heading, first on the page ("&lt;h1&gt;Orbit Labs&lt;/h1&gt;&lt;h1&gt;Privacy
    /// Statement&lt;/h1&gt;"): the site's name above the page's title, not a section. It is taken out, named in the report,
    /// and returned to name the site.
    /// </summary>
    private static string? SiteName(string file, ref IReadOnlyList<FlatBlock> blocks, List<ImportNote> notes)
    {
        var headings = blocks.Select((b, i) => (Block: b, Index: i)).Where(h => h.Block.IsHeading).ToList();
        if (headings.Count < 3)
        {
            return null;
        }

        var top = headings.Min(h => h.Block.Level);
        var (first, index) = headings[0];
        if (first.Level != top || headings.Count(h => h.Block.Level == top) != 2 || blocks[index + 1] is not { IsHeading: true } next || next.Level != top)
        {
            return null;
        }

        notes.Add(new ImportNote(NoteKind.LeftOut, new SourceSpan(file, first.Line, 1),
            $"“{HtmlPageReader.Shorten(first.PlainText)}”: a heading above the page's title with nothing under it (the site's name), used as the site's title."));
        blocks = blocks.Where((_, i) => i != index).ToList();
        return first.PlainText;
    }

    /// <summary>The site's title: the browser title without the notice's own title, in any case ("Cookie Policy – Acme" gives "Acme", also for the heading "COOKIE POLICY").</summary>
    private static string SiteTitle(string? hint, string noticeTitle)
    {
        if (string.IsNullOrWhiteSpace(hint))
        {
            return noticeTitle;
        }

        var rest = hint.Replace(noticeTitle, string.Empty, StringComparison.OrdinalIgnoreCase).Trim(' ', '–', '—', '-', '|', ':', '·');
        return rest.Length > 0 && rest.Length < hint.Length ? rest : hint.Trim();
    }

    private static SourceNotice Notice(IReadOnlyList<FlatBlock> blocks, int? heading, int start, int end, string title, int index, Dictionary<string, AnchorTarget> anchors)
    {
        var headings = Enumerable.Range(start, end - start).Where(i => blocks[i].IsHeading && i != heading).ToList();
        var sectionLevel = headings.Count > 0 ? headings.Min(i => blocks[i].Level) : 7;
        var starts = headings.Where(i => blocks[i].Level <= sectionLevel).ToList();
        var numbered = starts.Count >= 2 && starts.All(i => Number().IsMatch(blocks[i].PlainText));
        if (heading is { } h)
        {
            foreach (var anchor in blocks[h].AllAnchors)
            {
                anchors.TryAdd(anchor, new AnchorTarget(index));
            }
        }

        var introEnd = starts.Count > 0 ? starts[0] : end;
        var intro = Body(blocks, start, introEnd, sectionLevel, heading);

        AddBodyAnchors(blocks, start, introEnd, anchors, new AnchorTarget(index), heading);
        var sections = new List<SourceSection>();
        for (var k = 0; k < starts.Count; k++)
        {
            var s = starts[k];
            var sectionEnd = k + 1 < starts.Count ? starts[k + 1] : end;
            var text = blocks[s].PlainText;
            var match = Number().Match(text);
            var sectionTitle = numbered ? text[match.Length..].Trim() : text;
            var target = new AnchorTarget(index, k);
            foreach (var anchor in blocks[s].AllAnchors)
            {
                anchors.TryAdd(anchor, target);
            }

            AddBodyAnchors(blocks, s + 1, sectionEnd, anchors, target, null);
            sections.Add(new SourceSection(sectionTitle, numbered ? match.Groups[1].Value : null, blocks[s].Line, blocks[s].AllAnchors.ToList(),
                Body(blocks, s + 1, sectionEnd, sectionLevel, null), text));
        }

        var last = blocks.Take(end).LastOrDefault()?.Line ?? 1;
        return new SourceNotice(title, heading is { } hh ? blocks[hh].Line : blocks.ElementAtOrDefault(start)?.Line ?? 1, last, numbered,
            heading is { } h2 ? blocks[h2].Anchors : [], intro, sections);
    }

    /// <summary>Blocks of a section body; a deeper heading becomes a sub-heading block at its depth below the section.</summary>
    private static List<SourceBlock> Body(IReadOnlyList<FlatBlock> blocks, int start, int end, int sectionLevel, int? skip)
    {
        var result = new List<SourceBlock>();
        for (var i = start; i < end; i++)
        {
            if (i == skip)
            {
                continue;
            }

            var block = blocks[i];
            result.Add(block.IsHeading
                ? new SourceBlock(block.Markdown, block.Line, block.PlainText,
                    new SubHeading(Math.Max(1, block.Level - sectionLevel), block.Markdown, block.Anchors, block.AllAnchors.FirstOrDefault()))
                : new SourceBlock(block.Markdown, block.Line, block.PlainText));
        }

        return result;
    }

    /// <summary>Ids inside a section point at the section; a sub-heading's at the sub-heading.</summary>
    private static void AddBodyAnchors(IReadOnlyList<FlatBlock> blocks, int start, int end, Dictionary<string, AnchorTarget> anchors, AnchorTarget owner, int? skip)
    {
        for (var i = start; i < end; i++)
        {
            if (i == skip)
            {
                continue;
            }

            foreach (var anchor in blocks[i].AllAnchors)
            {
                anchors.TryAdd(anchor, blocks[i].IsHeading && owner.Section is not null ? owner with { SubAnchor = blocks[i].AllAnchors.First() } : owner);
            }
        }
    }

    [GeneratedRegex(@"^(\d{1,3})[.)]?\s+(?=\S)")]
    private static partial Regex Number();
}
