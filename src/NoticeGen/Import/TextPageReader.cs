using System.Text.RegularExpressions;
using NoticeGen.Check;

namespace NoticeGen.Import;

/// <summary>
/// Reads a plain-text page (text pasted from a CMS, like the seed): notices are introduced by a title line ("Privacy Notice
/// for ..."); sections by numbered lines ("3. Title", numbered 1, 2, 3 ... within a notice) or by short dash-led lines
/// ("- Title") in notices written that way. Dash-led lines after a line ending with ':' are bullets, and lines in a
/// dash-led notice are paragraphs. A run of short lines (an address) becomes one paragraph with line breaks. A page with
/// neither, whose headings are lines in capitals ("INFORMATION WE COLLECT"), is one notice with a section at each.
/// </summary>
public static partial class TextPageReader
{
    public static SourcePage Read(string file, string text)
    {
        var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var lines = raw.Select((l, i) => new TextLine(i + 1, l.Trim())).Where(l => l.Text.Length > 0).ToList();
        // Blank lines between paragraphs mean lines may be wrapped: a line that does not end a sentence goes on in the next.
        var wrapped = lines.Zip(lines.Skip(1)).Any(p => p.Second.Number > p.First.Number + 1);
        return new Parser(file, lines, wrapped).Run();
    }

    private enum Style
    {
        Numbered,
        Dashed,
        Capitals,
    }

    private sealed class NoticeDraft(TextLine? title, Style style, int line)
    {
        public TextLine? Title { get; } = title;
        public Style Style { get; } = style;
        public int Line { get; } = line;
        public List<TextLine> Intro { get; } = [];
        public List<SectionDraft> Sections { get; } = [];
        public int LastOrdinal { get; set; }
    }

    private sealed record SectionDraft(TextLine Heading, string Title, string? Number, List<TextLine> Lines);

    private sealed partial class Parser(string file, List<TextLine> lines, bool wrapped)
    {
        private readonly List<NoticeDraft> _notices = [];
        private readonly List<TextLine> _preamble = [];
        private readonly HashSet<int> _bodyBullets = [];
        private readonly Dictionary<string, AnchorTarget> _anchors = new(StringComparer.Ordinal);
        private readonly List<ImportNote> _notes = [];
        private readonly HashSet<int> _headings = [];

        private NoticeDraft? Current => _notices.Count > 0 ? _notices[^1] : null;

        private List<TextLine> Body => Current is null ? _preamble : Current.Sections.Count > 0 ? Current.Sections[^1].Lines : Current.Intro;

        public SourcePage Run()
        {
            for (var i = 0; i < lines.Count; i++)
            {
                Classify(i);
            }

            if (_notices.Count == 0 && !CapitalHeadings())
            {
                throw new UserErrorException(Codes.ImportSource.At(SourceSpan.StartOf(file), "No section headings were found, so the page cannot be split into sections.",
                    "Put each section heading on its own line, numbered (\"1. Title\") or dash-led (\"- Title\"), after a title line such as \"Privacy Notice for ...\", and import again."));
            }

            var (siteTitle, introLines) = Preamble();
            var notices = _notices.Select((n, k) => Build(n, k)).ToList();
            var siteIntro = Blocks(introLines, Style.Numbered, -1);
            notices = notices.Select((n, k) => n with
            {
                Intro = n.Intro.Select(b => Link(b, k, notices)).ToList(),
                Sections = n.Sections.Select(s => s with { Blocks = s.Blocks.Select(b => Link(b, k, notices)).ToList() }).ToList(),
            }).ToList();
            siteIntro = siteIntro.Select(b => Link(b, -1, notices)).ToList();
            return new SourcePage(file, SourceFormat.Text, siteTitle, siteIntro, notices, _anchors, _notes);
        }

        private void Classify(int i)
        {
            var line = lines[i];
            var previous = i > 0 ? lines[i - 1] : null;
            var next = i + 1 < lines.Count ? lines[i + 1] : null;
            if (line.Ordinal is { } n)
            {
                var inList = previous is { Ordinal: not null } && !IsHeading(previous);
                if (Current is { Style: Style.Numbered } notice && n == notice.LastOrdinal + 1 && !inList)
                {
                    notice.LastOrdinal = n;
                    notice.Sections.Add(new SectionDraft(line, line.AfterNumber, n.ToString(System.Globalization.CultureInfo.InvariantCulture), []));
                    _headings.Add(line.Number);
                    return;
                }

                if (n == 1 && !inList && (Current is not { Style: Style.Numbered } || TitleBefore() is not null))
                {
                    var started = StartNotice(Style.Numbered, line);
                    started.LastOrdinal = 1;
                    started.Sections.Add(new SectionDraft(line, line.AfterNumber, "1", []));
                    _headings.Add(line.Number);
                    return;
                }
            }
            else if (line.Dashed && line.HeadingLike && previous is not { EndsWithColon: true })
            {
                if (Current is not { Style: Style.Dashed })
                {
                    // In a numbered notice a short dash-led line is a bullet, unless it stands alone between paragraphs
                    // (a new notice written with dash-led headings) or follows a notice's title.
                    var bullet = previous is not null && _bodyBullets.Contains(previous.Number);
                    if (TitleBefore() is not null || (!bullet && next is not { Dashed: true }))
                    {
                        StartNotice(Style.Dashed, line).Sections.Add(new SectionDraft(line, line.Content, null, []));
                        _headings.Add(line.Number);
                        return;
                    }
                }
                else
                {
                    if (TitleBefore() is not null)
                    {
                        StartNotice(Style.Dashed, line).Sections.Add(new SectionDraft(line, line.Content, null, []));
                    }
                    else
                    {
                        Current.Sections.Add(new SectionDraft(line, line.Content, null, []));
                    }

                    _headings.Add(line.Number);
                    return;
                }
            }

            if (line.Dashed)
            {
                _bodyBullets.Add(line.Number);
            }

            Body.Add(line);
        }

        private bool IsHeading(TextLine line) => _headings.Contains(line.Number);

        /// <summary>
        /// Reads the page as one notice whose sections start at lines in capitals standing after a blank line, when it has
        /// at least two; the first such line is the notice's title when it names one ("PRIVACY POLICY"), else a title line
        /// above the first section is.
        /// </summary>
        private bool CapitalHeadings()
        {
            var heads = lines.Where((l, i) => l.CapitalHeading && (i == 0 || lines[i - 1].Number < l.Number - 1)).ToList();
            var title = heads.FirstOrDefault() is { NoticeTitleLike: true } first ? first : null;
            var sections = heads.Where(h => h != title).ToList();
            if (sections.Count < 2)
            {
                return false;
            }

            _preamble.Clear();
            var before = lines.TakeWhile(l => l != (title ?? sections[0])).ToList();
            if (title is null && before.FindLastIndex(l => l.NoticeTitleLike) is var t and >= 0)
            {
                title = before[t];
                before.RemoveRange(t, before.Count - t);
            }

            _preamble.AddRange(before);
            var notice = new NoticeDraft(title, Style.Capitals, (title ?? sections[0]).Number);
            _notices.Add(notice);
            foreach (var line in lines.SkipWhile(l => l != (title ?? sections[0])).Skip(title is null ? 0 : 1))
            {
                if (sections.Contains(line))
                {
                    notice.Sections.Add(new SectionDraft(line, line.Text, null, []));
                    _headings.Add(line.Number);
                }
                else
                {
                    (notice.Sections.Count > 0 ? notice.Sections[^1].Lines : notice.Intro).Add(line);
                }
            }

            return true;
        }

        /// <summary>The title line of a notice starting here: the nearest line naming a notice among the last few lines of text.</summary>
        private int? TitleBefore()
        {
            var body = Body;
            for (var k = body.Count - 1; k >= Math.Max(0, body.Count - 8); k--)
            {
                // In wrapped text a title stands on its own: a line that runs on into the next is a sentence.
                if (body[k].NoticeTitleLike && (!wrapped || k == body.Count - 1 || body[k + 1].Number > body[k].Number + 1))
                {
                    return k;
                }
            }

            return null;
        }

        private NoticeDraft StartNotice(Style style, TextLine heading)
        {
            var body = Body;
            var titleIndex = TitleBefore();
            TextLine? title = null;
            var intro = new List<TextLine>();
            if (titleIndex is { } t)
            {
                title = body[t];
                intro.AddRange(body.Skip(t + 1));
                body.RemoveRange(t, body.Count - t);
            }

            var notice = new NoticeDraft(title, style, title?.Number ?? heading.Number);
            notice.Intro.AddRange(intro);
            _notices.Add(notice);
            return notice;
        }

        /// <summary>The site's title (the last of the short lines the page starts with) and the text before the first notice.</summary>
        private (string? Title, List<TextLine> Intro) Preamble()
        {
            var leading = _preamble.TakeWhile(l => l.TitleLike).ToList();
            if (leading.Count == 0)
            {
                return (null, _preamble);
            }

            foreach (var dropped in leading.SkipLast(1))
            {
                _notes.Add(new ImportNote(NoteKind.LeftOut, new SourceSpan(file, dropped.Number, 1),
                    $"“{dropped.Text}”: a line above the site's title (a breadcrumb or page heading), not part of any notice."));
            }

            return (leading[^1].Text, _preamble.Skip(leading.Count).ToList());
        }

        private SourceNotice Build(NoticeDraft draft, int index)
        {
            var title = draft.Title?.Text ?? "Untitled notice";
            if (draft.Title is null)
            {
                _notes.Add(new ImportNote(NoteKind.Check, new SourceSpan(file, draft.Line, 1),
                    "This notice has no title line before its first section; it was called “Untitled notice”. Give it its title in site.yml."));
            }

            var last = draft.Sections.Count > 0
                ? Math.Max(draft.Sections[^1].Heading.Number, draft.Sections[^1].Lines.LastOrDefault()?.Number ?? 0)
                : draft.Intro.LastOrDefault()?.Number ?? draft.Line;
            var sections = draft.Sections.Select(s => new SourceSection(s.Title, s.Number, s.Heading.Number, [],
                Blocks(s.Lines, draft.Style, index), s.Heading.Content)).ToList();
            return new SourceNotice(title, draft.Line, last, draft.Style == Style.Numbered, [], Blocks(draft.Intro, draft.Style, index), sections, draft.Title is null);
        }

        private List<SourceBlock> Blocks(List<TextLine> body, Style style, int notice)
        {
            var blocks = new List<SourceBlock>();
            var i = 0;
            while (i < body.Count)
            {
                var line = body[i];
                if (style != Style.Dashed && line.Dashed)
                {
                    var items = Run(body, i, l => l.Dashed);
                    blocks.Add(List(items, _ => "- "));
                    i += items.Count;
                }
                else if (line.Ordinal is not null)
                {
                    var items = Run(body, i, l => l.Ordinal is not null);
                    blocks.Add(List(items, l => l.Ordinal + ". "));
                    i += items.Count;
                }
                else if (ShortRun(body, i) is { Count: > 1 } run && run.Count(l => ".!?".Contains(l.Text[^1], StringComparison.Ordinal)) * 2 < run.Count)
                {
                    // An address or a signature (short lines, most not ending a sentence): one paragraph, a break after each line.
                    blocks.Add(new SourceBlock(string.Join("\\\n", run.Select(l => MarkdownText.LineStarts(MarkdownText.Inline(l.Content)))),
                        run[0].Number, string.Join('\n', run.Select(l => l.Content))));
                    i += run.Count;
                }
                else
                {
                    var paragraph = new List<TextLine> { line };
                    while (wrapped && i + paragraph.Count < body.Count && Continues(paragraph[^1], body[i + paragraph.Count]))
                    {
                        paragraph.Add(body[i + paragraph.Count]);
                    }

                    var text = string.Join(' ', paragraph.Select(l => l.Content));
                    blocks.Add(new SourceBlock(MarkdownText.Paragraph(text), line.Number, text));
                    i += paragraph.Count;
                }
            }

            return blocks;
        }

        private SourceBlock List(List<TextLine> items, Func<TextLine, string> marker)
        {
            var markdown = string.Join('\n', items.Select(l => marker(l) + MarkdownText.LineStarts(MarkdownText.Inline(l.Ordinal is null ? l.Content : l.AfterNumber))));
            // The page shows the bullet or number as list markup, not as text; so does the source's reader.
            return new SourceBlock(markdown, items[0].Number, string.Join('\n', items.Select(l => l.Ordinal is null ? l.Content : l.AfterNumber)));
        }

        private static List<TextLine> Run(List<TextLine> body, int start, Func<TextLine, bool> member)
        {
            var run = new List<TextLine>();
            for (var k = start; k < body.Count && member(body[k]); k++)
            {
                run.Add(body[k]);
            }

            return run;
        }

        private static List<TextLine> ShortRun(List<TextLine> body, int start)
        {
            var run = new List<TextLine>();
            for (var k = start; k < body.Count; k++)
            {
                var line = body[k];
                if (line.Dashed || line.Ordinal is not null || line.Words > 6 || (run.Count > 0 && line.Number != run[^1].Number + 1))
                {
                    break;
                }

                run.Add(line);
            }

            return run;
        }

        private static bool Continues(TextLine previous, TextLine next) =>
            next.Number == previous.Number + 1 && !next.Dashed && next.Ordinal is null
            && !".!?:;\"”)".Contains(previous.Text[^1], StringComparison.Ordinal);

        /// <summary>
        /// Makes text references symbolic: "section 16" in a numbered notice becomes a reference to that section, and the
        /// exact title of another notice a link to it, so both stay right when sections move or notices are renamed.
        /// </summary>
        private SourceBlock Link(SourceBlock block, int notice, List<SourceNotice> notices)
        {
            var markdown = block.Markdown;
            if (notice >= 0 && notices[notice].Numbered)
            {
                var count = notices[notice].Sections.Count;
                markdown = SectionMention().Replace(markdown, m =>
                {
                    var n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (n < 1 || n > count)
                    {
                        return m.Value;
                    }

                    var key = $"§{notice}.{n}";
                    _anchors[key] = new AnchorTarget(notice, n - 1);
                    return $"[](#{key})";
                });
            }

            for (var other = 0; other < notices.Count; other++)
            {
                var title = MarkdownText.Inline(notices[other].Title);
                if (other == notice || _notices[other].Title is null || notices.FindIndex(n => n.Title == notices[other].Title) != other
                    || !markdown.Contains(title, StringComparison.Ordinal))
                {
                    continue;
                }

                var key = $"§{other}";
                _anchors[key] = new AnchorTarget(other);
                markdown = markdown.Replace(title, $"[{title}](#{key})", StringComparison.Ordinal);
            }

            return block with { Markdown = markdown };
        }

        [GeneratedRegex(@"(?<![\w\[])section (\d{1,3})\b(?![.,]?\d)")]
        private static partial Regex SectionMention();
    }
}
