using System.Text;
using CsCheck;
using NoticeGen.Redline;

namespace NoticeGen.Tests.Redline;

/// <summary>An image in a generated run: its address and its alt text.</summary>
internal sealed record GenImage(string Src, string Alt);

/// <summary>
/// A run of words of a generated page, possibly a link or bold, possibly followed by a hard line break; it may also be in
/// italics, an abbreviation with a title, start with an anchor (&lt;a id&gt;) or end with an image.
/// </summary>
internal sealed record GenRun(IReadOnlyList<string> Words, string? Href, bool Strong, bool Break = false)
{
    public bool Emphasis { get; init; }

    public string? Abbr { get; init; }

    public string? Anchor { get; init; }

    public GenImage? Image { get; init; }
}

/// <summary>A generated block: a paragraph, a heading, a list or a table.</summary>
internal abstract record GenBlock;

internal sealed record GenParagraph(IReadOnlyList<GenRun> Runs) : GenBlock;

/// <summary>A heading inside a section: h3 to h6, as fragments have them.</summary>
internal sealed record GenHeading(int Level, IReadOnlyList<GenRun> Runs) : GenBlock;

/// <summary>A list; a loose one wraps each item's text in a paragraph, as Markdig does for lists with blank lines.</summary>
internal sealed record GenList(bool Ordered, IReadOnlyList<GenItem> Items, bool Loose = false) : GenBlock;

/// <summary>A table with a header row; every row has the same number of cells, each a list of runs.</summary>
internal sealed record GenTable(IReadOnlyList<IReadOnlyList<GenRun>> Header, IReadOnlyList<IReadOnlyList<IReadOnlyList<GenRun>>> Rows) : GenBlock;

internal sealed record GenItem(IReadOnlyList<GenRun> Runs, GenList? Nested);

internal sealed record GenSection(string Id, IReadOnlyList<string> Title, IReadOnlyList<GenBlock> Blocks);

/// <summary>A generated page, rendered to HTML the way Markdig writes it (with a choice of whitespace).</summary>
internal sealed record GenPage(IReadOnlyList<GenBlock> Intro, IReadOnlyList<GenSection> Sections)
{
    /// <summary>Whitespace styles: how words and blocks are separated in the HTML; none of them is a change.</summary>
    private static readonly (string Word, string Block)[] Spacing = [(" ", "\n"), ("\n", string.Empty), ("  ", "\n\n"), (" \n ", " \n")];

    public PageText Render(int spacing)
    {
        var (word, block) = Spacing[spacing % Spacing.Length];
        return new PageText("Notice", Blocks(Intro, word, block),
            Sections.Select((s, i) => new SectionText(s.Id, $"{i + 1}. {string.Join(word, s.Title)}", Blocks(s.Blocks, word, block))).ToList());
    }

    public override string ToString() => Render(0).ToString() + "\n" + string.Join("\n", Render(0).Sections);

    private static string Blocks(IReadOnlyList<GenBlock> blocks, string word, string between) =>
        string.Join(between, blocks.Select(b => b switch
        {
            GenParagraph p => $"<p>{Runs(p.Runs, word)}</p>",
            GenHeading h => $"<h{h.Level}>{Runs(h.Runs, word)}</h{h.Level}>",
            GenList l => List(l, word, between),
            GenTable t => Table(t, between),
            _ => throw new InvalidOperationException(),
        }));

    private static string List(GenList list, string word, string between)
    {
        var tag = list.Ordered ? "ol" : "ul";
        var items = list.Items.Select(i =>
        {
            var text = list.Loose ? $"{between}<p>{Runs(i.Runs, word)}</p>" : Runs(i.Runs, word);
            return i.Nested is null ? $"<li>{text}</li>" : $"<li>{text}{between}{List(i.Nested, word, between)}{between}</li>";
        });
        return $"<{tag}>{between}{string.Join(between, items)}{between}</{tag}>";
    }

    private static string Table(GenTable table, string between)
    {
        string Row(IReadOnlyList<IReadOnlyList<GenRun>> cells, string tag) =>
            $"<tr>{between}{string.Join(between, cells.Select(c => $"<{tag}>{Runs(c, " ")}</{tag}>"))}{between}</tr>";
        return $"<table>{between}<thead>{between}{Row(table.Header, "th")}{between}</thead>{between}<tbody>{between}" +
            $"{string.Join(between, table.Rows.Select(r => Row(r, "td")))}{between}</tbody>{between}</table>";
    }

    private static string Runs(IReadOnlyList<GenRun> runs, string word) =>
        string.Join(word, runs.Select(r =>
        {
            var text = string.Join(word, r.Words.Select(Escape));
            text = r.Abbr is null ? text : $"<abbr title=\"{Escape(r.Abbr)}\">{text}</abbr>";
            text = r.Emphasis ? $"<em>{text}</em>" : text;
            text = r.Strong ? $"<strong>{text}</strong>" : text;
            text = r.Href is null ? text : $"<a href=\"{Escape(r.Href)}\">{text}</a>";
            text = r.Anchor is null ? text : $"<a id=\"{Escape(r.Anchor)}\"></a>{text}";
            text = r.Image is null ? text : $"{text}<img src=\"{Escape(r.Image.Src)}\" alt=\"{Escape(r.Image.Alt)}\" />";
            return r.Break ? text + "<br />\n" : text;
        }));

    private static string Escape(string text) =>
        new StringBuilder(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").ToString();
}

/// <summary>One random edit; the numbers pick where it applies, so that any edit applies to any page.</summary>
internal sealed record GenEdit(int Kind, int A, int B, int C, string Word, GenParagraph Paragraph, GenRun Run);

/// <summary>
/// Generators for pages and edits, and the edits themselves: the kinds of change real policies go through (words, links,
/// formatting, blocks added, removed, moved, split, merged, turned into lists, sections renamed, moved, added, removed).
/// </summary>
internal static class RedlineGenerators
{
    private static readonly string[] Vocabulary =
        ["data", "privacy", "Kaltura", "we", "you", "may", "share", "personal", "information", "with", "partners", "rights",
         "cookies", "email", "the", "and", "to", "of", "AT&T", "<script>", "“quoted”", "café", "opt-out", "Kaltura’s", "e.g", "2025"];

    private static readonly string[] Punctuation = [string.Empty, string.Empty, string.Empty, ",", ".", ";", ":", "!", ")"];

    private static readonly string[] Hrefs =
        ["https://example.com/a", "https://example.com/b?x=1&y=\"2\"", "mailto:dpo@example.com", "https://www.jamsadr.com/DPF-Dispute-Resolution",
         "ng:websites/california#contact"];

    private static readonly string[] Titles = ["General Data Protection Regulation", "California Consumer Privacy Act"];

    private static readonly GenImage[] Images = [new("https://example.com/logo.png", "logo"), new("/img/flow.svg", "data flow")];

    /// <summary>The kinds of edit; kind 8 changes only the whitespace of the HTML.</summary>
    public const int EditKinds = 25;

    public static readonly Gen<string> Word =
        Gen.Select(Gen.OneOf(Vocabulary), Gen.OneOf(Punctuation), (w, p) => w + p);

    public static readonly Gen<GenRun> Run =
        Gen.Select(Word.Array[1, 6], Gen.Int[0, 15], Gen.Int[0, 29], (words, k, extra) => new GenRun(
            words, k < Hrefs.Length ? Hrefs[k] : null, k == Hrefs.Length, k == 14)
        {
            Emphasis = extra is 1 or 2,
            Abbr = extra == 3 ? Titles[0] : null,
            Anchor = extra == 4 ? $"anchor-{words.Length}" : null,
            Image = extra == 5 ? Images[words.Length % Images.Length] : null,
        });

    /// <summary>Table cells hold short plain runs: no line breaks, which Markdig tables cannot hold.</summary>
    private static readonly Gen<IReadOnlyList<GenRun>> Cell =
        Gen.Select(Word.Array[1, 3], Gen.Bool, (words, link) => (IReadOnlyList<GenRun>)[new GenRun(words, link ? Hrefs[0] : null, false)]);

    private static readonly Gen<GenTable> Table =
        Gen.Int[1, 3].SelectMany(columns => Gen.Select(Cell.Array[columns], Cell.Array[columns].Array[1, 3],
            (header, rows) => new GenTable(header, rows.Select(r => (IReadOnlyList<IReadOnlyList<GenRun>>)r).ToList())));

    public static readonly Gen<GenParagraph> Paragraph = Run.Array[1, 4].Select(runs => new GenParagraph(runs));

    private static readonly Gen<GenHeading> Heading =
        Gen.Select(Gen.Int[3, 6], Word.Array[1, 4], (level, words) => new GenHeading(level, [new GenRun(words, null, false)]));

    private static readonly Gen<GenList> NestedList =
        Gen.Select(Gen.Bool, Run.Array[1, 2].Array[1, 3], (ordered, items) => new GenList(ordered, items.Select(r => new GenItem(r, null)).ToList()));

    private static readonly Gen<GenList> List =
        Gen.Select(Gen.Int[0, 5], Gen.Select(Run.Array[1, 2], Gen.Int[0, 4], NestedList, (runs, k, nested) => new GenItem(runs, k == 0 ? nested : null)).Array[1, 4],
            (kind, items) => new GenList(kind % 2 == 0, items, kind >= 4));

    private static readonly Gen<GenBlock> Block =
        Gen.Frequency((6, Paragraph.Select(p => (GenBlock)p)), (2, List.Select(l => (GenBlock)l)), (1, Table.Select(t => (GenBlock)t)),
            (1, Heading.Select(h => (GenBlock)h)));

    public static readonly Gen<GenPage> Page =
        Gen.Select(Block.Array[0, 2], Gen.Select(Gen.Int[0, 999], Word.Array[1, 4], Block.Array[0, 4]).Array[0, 5],
            (intro, sections) => new GenPage(intro,
                sections.Select((s, i) => new GenSection($"s{s.Item1}-{i}", s.Item2, s.Item3)).ToList()));

    /// <summary>Edit kinds, moves and link changes more often: they need the right page to show, and matter most.</summary>
    private static readonly Gen<int> Kind =
        Gen.Frequency((EditKinds * 2, Gen.Int[0, EditKinds - 1]), (8, Gen.OneOf(new[] { 5, 13, 14, 7 })));

    public static readonly Gen<GenEdit> Edit =
        Gen.Select(Kind, Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 1000], Word, Paragraph, Run,
            (kind, a, b, c, word, paragraph, run) => new GenEdit(kind, a, b, c, word, paragraph, run));

    /// <summary>An old page, the same page after some random edits, and how each is spaced in its HTML.</summary>
    public static readonly Gen<(PageText Old, PageText New)> Edited =
        Gen.Select(Page, Edit.Array[0, 4], Gen.Int[0, 3], (page, edits, spacing) =>
        {
            var edited = page;
            var newSpacing = spacing;
            foreach (var edit in edits)
            {
                (edited, var respace) = Apply(edited, edit);
                newSpacing += respace ? 1 : 0;
            }

            return (page.Render(spacing), edited.Render(newSpacing));
        });

    /// <summary>Applies an edit; returns whether it was the whitespace-only edit, which changes how the page is written out.</summary>
    public static (GenPage Page, bool Respace) Apply(GenPage page, GenEdit e)
    {
        var sections = page.Sections;
        if (e.Kind == 8)
        {
            return (page, true);
        }

        if (e.Kind == 9)
        {
            var id = $"added-{e.A}-{e.B}";
            return sections.Any(s => s.Id == id)
                ? (page, false)
                : (page with { Sections = Insert(sections, e.B % (sections.Count + 1), new GenSection(id, [e.Word], [e.Paragraph])) }, false);
        }

        if (e.Kind == 11)
        {
            return (page with { Intro = EditBlocks(page.Intro, e with { Kind = e.A % 2 == 0 ? 0 : 1 }) }, false);
        }

        if (sections.Count == 0)
        {
            return (page, false);
        }

        var s = e.A % sections.Count;
        var section = sections[s];
        if (e.Kind == 14)
        {
            // A block moves to another section (or within this one when there is no other).
            if (section.Blocks.Count == 0)
            {
                return (page, false);
            }

            var block = section.Blocks[e.B % section.Blocks.Count];
            var without = Replace(sections, s, section with { Blocks = RemoveAt(section.Blocks, e.B % section.Blocks.Count) });
            var t = e.C % sections.Count;
            var target = without[t];
            return (page with { Sections = Replace(without, t, target with { Blocks = Insert(target.Blocks, e.A % (target.Blocks.Count + 1), block) }) }, false);
        }

        return e.Kind switch
        {
            5 => (page with { Sections = Insert(RemoveAt(sections, s), e.B % sections.Count, section) }, false),
            6 => (page with { Sections = Replace(sections, s, section with { Title = Replace(section.Title, e.C % section.Title.Count, e.Word) }) }, false),
            10 => (page with { Sections = RemoveAt(sections, s) }, false),
            _ => (page with { Sections = Replace(sections, s, section with { Blocks = EditBlocks(section.Blocks, e) }) }, false),
        };
    }

    private static IReadOnlyList<GenBlock> EditBlocks(IReadOnlyList<GenBlock> blocks, GenEdit e)
    {
        switch (e.Kind)
        {
            case 0:
                return MapRun(blocks, e.B, run => run with { Words = Replace(run.Words, e.C % run.Words.Count, e.Word) });
            case 1:
                return Insert(blocks, e.B % (blocks.Count + 1), e.Paragraph);
            case 2:
                return blocks.Count == 0 ? blocks : RemoveAt(blocks, e.B % blocks.Count);
            case 3 or 4:
                return EditListOrTable(blocks, e);
            case 12:
                return blocks.Count == 0 ? blocks : Replace(blocks, e.B % blocks.Count, e.Paragraph);
            case 7:
                return MapRun(blocks, e.B, run => run with
                {
                    Href = Hrefs[(Array.IndexOf(Hrefs, run.Href) + 1 + e.C % (Hrefs.Length - 1)) % Hrefs.Length],
                });
            case 13:
                // A block moves within its section.
                if (blocks.Count < 2)
                {
                    return blocks;
                }

                var from = e.B % blocks.Count;
                return Insert(RemoveAt(blocks, from), e.C % blocks.Count, blocks[from]);
            case 15:
                // A paragraph is split in two at a run boundary.
                return At<GenParagraph>(blocks, e.B, p => p.Runs.Count > 1,
                    (at, p) => [.. blocks.Take(at), new GenParagraph(p.Runs.Take(1 + (e.C % (p.Runs.Count - 1))).ToList()),
                        new GenParagraph(p.Runs.Skip(1 + (e.C % (p.Runs.Count - 1))).ToList()), .. blocks.Skip(at + 1)]);
            case 16:
                // Two paragraphs in a row are merged.
                var pairs = Enumerable.Range(0, Math.Max(0, blocks.Count - 1)).Where(i => blocks[i] is GenParagraph && blocks[i + 1] is GenParagraph).ToList();
                if (pairs.Count == 0)
                {
                    return blocks;
                }

                var first = pairs[e.B % pairs.Count];
                return [.. blocks.Take(first), new GenParagraph([.. ((GenParagraph)blocks[first]).Runs, .. ((GenParagraph)blocks[first + 1]).Runs]),
                    .. blocks.Skip(first + 2)];
            case 17:
                // A paragraph becomes a list of its runs, or a flat list becomes a paragraph.
                var toList = At<GenParagraph>(blocks, e.B, _ => true,
                    (at, p) => Replace(blocks, at, new GenList(e.C % 2 == 0, p.Runs.Select(r => new GenItem([r], null)).ToList())));
                return !ReferenceEquals(toList, blocks) && e.A % 2 == 0 ? toList
                    : At<GenList>(blocks, e.B, l => !l.Loose && l.Items.All(i => i.Nested is null),
                        (at, l) => Replace(blocks, at, new GenParagraph(l.Items.SelectMany(i => i.Runs).ToList())));
            case 18:
                return MapRun(blocks, e.B, run => run with { Strong = !run.Strong });
            case 19:
                return MapRun(blocks, e.B, run => run with { Emphasis = !run.Emphasis });
            case 20:
                // A link is added around words, or removed from them.
                return MapRun(blocks, e.B, run => run with { Href = run.Href is null ? Hrefs[e.C % Hrefs.Length] : null });
            case 21:
                // A heading changes level, or a new sub-heading goes in.
                var relevelled = At<GenHeading>(blocks, e.B, _ => true, (at, h) => Replace(blocks, at, h with { Level = 3 + ((h.Level - 2) % 4) }));
                return !ReferenceEquals(relevelled, blocks) && e.C % 3 != 0
                    ? relevelled
                    : Insert(blocks, e.B % (blocks.Count + 1), new GenHeading(3 + (e.C % 4), [e.Run with { Break = false, Image = null }]));
            case 22:
                return MapRun(blocks, e.B, run => run with
                {
                    Image = e.C % 3 == 0 ? null : e.C % 3 == 1 ? Images[(e.A + 1) % Images.Length] : new GenImage(run.Image?.Src ?? Images[0].Src, e.Word),
                });
            case 23:
                return MapRun(blocks, e.B, run => run with { Anchor = run.Anchor is null ? $"anchor-{e.C}" : e.C % 2 == 0 ? null : $"anchor-{e.C}" });
            case 24:
                return MapRun(blocks, e.B, run => run with { Abbr = run.Abbr is null || e.C % 2 == 0 ? Titles[e.C % Titles.Length] : null });
            default:
                return blocks;
        }
    }

    private static IReadOnlyList<GenBlock> EditListOrTable(IReadOnlyList<GenBlock> blocks, GenEdit e)
    {
        var parts = blocks.Select((b, i) => (b, i)).Where(x => x.b is GenList or GenTable).Select(x => x.i).ToList();
        if (parts.Count == 0)
        {
            return blocks;
        }

        var at = parts[e.B % parts.Count];
        if (blocks[at] is GenTable table)
        {
            var row = table.Header.Select((_, k) => (IReadOnlyList<GenRun>)[k == 0 ? e.Run with { Break = false } : new GenRun([e.Word], null, false)]).ToList();
            var rows = e.Kind == 3
                ? Insert(table.Rows, e.C % (table.Rows.Count + 1), row)
                : table.Rows.Count > 1 ? RemoveAt(table.Rows, e.C % table.Rows.Count) : table.Rows;
            return Replace(blocks, at, table with { Rows = rows });
        }

        var list = (GenList)blocks[at];
        var items = e.Kind == 3
            ? Insert(list.Items, e.C % (list.Items.Count + 1), new GenItem([e.Run], null))
            : list.Items.Count > 1 ? RemoveAt(list.Items, e.C % list.Items.Count) : list.Items;
        return Replace(blocks, at, list with { Items = items });
    }

    /// <summary>Applies change to the n-th block (modulo their count) of type T that matches, or returns the blocks as they were.</summary>
    private static IReadOnlyList<GenBlock> At<T>(IReadOnlyList<GenBlock> blocks, int n, Func<T, bool> matches, Func<int, T, IReadOnlyList<GenBlock>> change)
        where T : GenBlock
    {
        var found = blocks.Select((b, i) => (b, i)).Where(x => x.b is T t && matches(t)).Select(x => x.i).ToList();
        return found.Count == 0 ? blocks : change(found[n % found.Count], (T)blocks[found[n % found.Count]]);
    }

    /// <summary>Changes the n-th run (modulo their count) of the blocks, in paragraphs, headings and list items alike.</summary>
    private static IReadOnlyList<GenBlock> MapRun(IReadOnlyList<GenBlock> blocks, int n, Func<GenRun, GenRun> change)
    {
        var total = blocks.Sum(CountRuns);
        if (total == 0)
        {
            return blocks;
        }

        var target = n % total;
        var seen = 0;
        return blocks.Select(b => b switch
        {
            GenParagraph p => new GenParagraph(p.Runs.Select(Visit).ToList()),
            GenHeading h => h with { Runs = h.Runs.Select(Visit).ToList() },
            GenList l => MapList(l),
            GenTable t => t with { Rows = t.Rows.Select(r => (IReadOnlyList<IReadOnlyList<GenRun>>)r.Select(c => (IReadOnlyList<GenRun>)c.Select(VisitCell).ToList()).ToList()).ToList() },
            _ => b,
        }).ToList();

        GenRun Visit(GenRun run) => seen++ == target ? change(run) : run;

        // Table cells stay plain words and links: no breaks, which pipe tables cannot hold.
        GenRun VisitCell(GenRun run) => seen++ == target ? change(run) with { Break = false } : run;

        GenList MapList(GenList list) => list with
        {
            Items = list.Items.Select(i => new GenItem(i.Runs.Select(Visit).ToList(), i.Nested is null ? null : MapList(i.Nested))).ToList(),
        };
    }

    private static int CountRuns(GenBlock block) => block switch
    {
        GenParagraph p => p.Runs.Count,
        GenHeading h => h.Runs.Count,
        GenList l => l.Items.Sum(i => i.Runs.Count + (i.Nested is null ? 0 : CountRuns(i.Nested))),
        GenTable t => t.Rows.Sum(r => r.Sum(c => c.Count)),
        _ => 0,
    };

    private static List<T> Insert<T>(IReadOnlyList<T> list, int index, T item) => [.. list.Take(index), item, .. list.Skip(index)];

    private static List<T> RemoveAt<T>(IReadOnlyList<T> list, int index) => [.. list.Take(index), .. list.Skip(index + 1)];

    private static List<T> Replace<T>(IReadOnlyList<T> list, int index, T item) => [.. list.Take(index), item, .. list.Skip(index + 1)];
}
