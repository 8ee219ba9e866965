using System.Text;
using CsCheck;
using NoticeGen.Redline;

namespace NoticeGen.Tests.Redline;

/// <summary>A run of words of a generated page, possibly a link or bold, possibly followed by a hard line break.</summary>
internal sealed record GenRun(IReadOnlyList<string> Words, string? Href, bool Strong, bool Break = false);

/// <summary>A generated block: a paragraph, a list or a table.</summary>
internal abstract record GenBlock;

internal sealed record GenParagraph(IReadOnlyList<GenRun> Runs) : GenBlock;

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
            text = r.Strong ? $"<strong>{text}</strong>" : text;
            text = r.Href is null ? text : $"<a href=\"{Escape(r.Href)}\">{text}</a>";
            return r.Break ? text + "<br />\n" : text;
        }));

    private static string Escape(string text) =>
        new StringBuilder(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").ToString();
}

/// <summary>One random edit; the numbers pick where it applies, so that any edit applies to any page.</summary>
internal sealed record GenEdit(int Kind, int A, int B, int C, string Word, GenParagraph Paragraph, GenRun Run);

/// <summary>Generators for pages and edits, and the edits themselves.</summary>
internal static class RedlineGenerators
{
    private static readonly string[] Vocabulary =
        ["data", "privacy", "Kaltura", "we", "you", "may", "share", "personal", "information", "with", "partners", "rights",
         "cookies", "email", "the", "and", "to", "of", "AT&T", "<script>", "“quoted”", "café", "opt-out", "Kaltura’s", "e.g", "2025"];

    private static readonly string[] Punctuation = [string.Empty, string.Empty, string.Empty, ",", ".", ";", ":", "!", ")"];

    private static readonly string[] Hrefs =
        ["https://example.com/a", "https://example.com/b?x=1&y=\"2\"", "mailto:dpo@example.com", "https://www.jamsadr.com/DPF-Dispute-Resolution"];

    public const int EditKinds = 13;

    public static readonly Gen<string> Word =
        Gen.Select(Gen.OneOf(Vocabulary), Gen.OneOf(Punctuation), (w, p) => w + p);

    public static readonly Gen<GenRun> Run =
        Gen.Select(Word.Array[1, 6], Gen.Int[0, 14], (words, k) => new GenRun(words, k < Hrefs.Length ? Hrefs[k] : null, k == Hrefs.Length, k == 14));

    /// <summary>Table cells hold short plain runs: no line breaks, which Markdig tables cannot hold.</summary>
    private static readonly Gen<IReadOnlyList<GenRun>> Cell =
        Gen.Select(Word.Array[1, 3], Gen.Bool, (words, link) => (IReadOnlyList<GenRun>)[new GenRun(words, link ? Hrefs[0] : null, false)]);

    private static readonly Gen<GenTable> Table =
        Gen.Int[1, 3].SelectMany(columns => Gen.Select(Cell.Array[columns], Cell.Array[columns].Array[1, 3],
            (header, rows) => new GenTable(header, rows.Select(r => (IReadOnlyList<IReadOnlyList<GenRun>>)r).ToList())));

    public static readonly Gen<GenParagraph> Paragraph = Run.Array[1, 4].Select(runs => new GenParagraph(runs));

    private static readonly Gen<GenList> NestedList =
        Gen.Select(Gen.Bool, Run.Array[1, 2].Array[1, 3], (ordered, items) => new GenList(ordered, items.Select(r => new GenItem(r, null)).ToList()));

    private static readonly Gen<GenList> List =
        Gen.Select(Gen.Int[0, 5], Gen.Select(Run.Array[1, 2], Gen.Int[0, 4], NestedList, (runs, k, nested) => new GenItem(runs, k == 0 ? nested : null)).Array[1, 4],
            (kind, items) => new GenList(kind % 2 == 0, items, kind >= 4));

    private static readonly Gen<GenBlock> Block =
        Gen.Frequency((6, Paragraph.Select(p => (GenBlock)p)), (2, List.Select(l => (GenBlock)l)), (1, Table.Select(t => (GenBlock)t)));

    public static readonly Gen<GenPage> Page =
        Gen.Select(Block.Array[0, 2], Gen.Select(Gen.Int[0, 999], Word.Array[1, 4], Block.Array[0, 4]).Array[0, 5],
            (intro, sections) => new GenPage(intro,
                sections.Select((s, i) => new GenSection($"s{s.Item1}-{i}", s.Item2, s.Item3)).ToList()));

    public static readonly Gen<GenEdit> Edit =
        Gen.Select(Gen.Int[0, EditKinds - 1], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 1000], Word, Paragraph, Run,
            (kind, a, b, c, word, paragraph, run) => new GenEdit(kind, a, b, c, word, paragraph, run));

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
            case 12:
                return blocks.Count == 0 ? blocks : Replace(blocks, e.B % blocks.Count, e.Paragraph);
            case 7:
                return MapRun(blocks, e.B, run => run with
                {
                    Href = Hrefs[(Array.IndexOf(Hrefs, run.Href) + 1 + e.C % (Hrefs.Length - 1)) % Hrefs.Length],
                });
            default:
                return blocks;
        }
    }

    /// <summary>Changes the n-th run (modulo their count) of the blocks, in paragraphs and list items alike.</summary>
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
            GenList l => MapList(l),
            GenTable t => t with { Rows = t.Rows.Select(r => (IReadOnlyList<IReadOnlyList<GenRun>>)r.Select(c => (IReadOnlyList<GenRun>)c.Select(Visit).ToList()).ToList()).ToList() },
            _ => b,
        }).ToList();

        GenRun Visit(GenRun run) => seen++ == target ? change(run) : run;

        GenList MapList(GenList list) => list with
        {
            Items = list.Items.Select(i => new GenItem(i.Runs.Select(Visit).ToList(), i.Nested is null ? null : MapList(i.Nested))).ToList(),
        };
    }

    private static int CountRuns(GenBlock block) => block switch
    {
        GenParagraph p => p.Runs.Count,
        GenList l => l.Items.Sum(i => i.Runs.Count + (i.Nested is null ? 0 : CountRuns(i.Nested))),
        GenTable t => t.Rows.Sum(r => r.Sum(c => c.Count)),
        _ => 0,
    };

    private static List<T> Insert<T>(IReadOnlyList<T> list, int index, T item) => [.. list.Take(index), item, .. list.Skip(index)];

    private static List<T> RemoveAt<T>(IReadOnlyList<T> list, int index) => [.. list.Take(index), .. list.Skip(index + 1)];

    private static List<T> Replace<T>(IReadOnlyList<T> list, int index, T item) => [.. list.Take(index), item, .. list.Skip(index + 1)];
}
