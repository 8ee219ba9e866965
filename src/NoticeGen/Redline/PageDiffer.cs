using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace NoticeGen.Redline;

/// <summary>
/// Compares two versions of a page, structure first: sections are matched by id (so a renamed or moved section stays one
/// section), blocks are aligned by their text, blocks left over are matched across the page as moves, and the rest of each
/// stretch of differing blocks is aligned on its words, so that words that survive a split, merge or regrouping stay unmarked.
/// </summary>
public static partial class PageDiffer
{
    /// <summary>A moved block's old place quotes this many of its first words.</summary>
    private const int ExcerptWords = 8;

    /// <summary>Compares two versions; with <paramref name="blocks"/>, section texts read by an earlier comparison are not parsed again.</summary>
    public static PageDiff Compare(PageText old, PageText @new, BlockCache? blocks = null)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var oldSections = WithIntro(old, nameof(old));
        var newSections = WithIntro(@new, nameof(@new));
        var oldById = oldSections.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var newById = newSections.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var moved = Moved(oldSections, newSections, oldById, newById);

        var parser = new HtmlParser();
        var oldReader = new BlockReader(parser, blocks);
        var newReader = new BlockReader(parser, blocks);
        var oldBlocks = oldSections.ToDictionary(s => s.Id, s => oldReader.Read(s.Html), StringComparer.Ordinal);
        var newBlocks = newSections.ToDictionary(s => s.Id, s => newReader.Read(s.Html), StringComparer.Ordinal);

        var order = InRedlineOrder(oldSections, newSections, oldById, newById, moved);
        var runs = order.ToDictionary(
            e => e.Id,
            e => SectionRun.Of(e.Old is null ? [] : oldBlocks[e.Id], e.New is null ? [] : newBlocks[e.Id]),
            StringComparer.Ordinal);
        var moves = BlockMoves(order, oldBlocks, newBlocks, runs);

        var groups = new GroupNumbers();
        var sections = order.Select(entry => CompareSection(entry, oldBlocks, newBlocks, runs, moves, moved, groups)).ToList();
        // A new title is part of the page's text (its stamp changes), so the redline shows it, word by word.
        var titleChanged = Spaces().Replace(old.Title.Trim(), " ") != Spaces().Replace(@new.Title.Trim(), " ");
        var title = titleChanged ? WordDiffer.Compare(HeadingTokens(old.Title), HeadingTokens(@new.Title)).Tokens : null;
        return new PageDiff(@new.Title, sections, Summarize(sections) with { TitleChanged = titleChanged }, title)
        {
            OldTitle = titleChanged ? old.Title : null,
        };
    }

    /// <summary>How to name a section to a reader: "section 16" when its heading is numbered, else its heading in quotes.</summary>
    internal static string SectionLabel(string? heading)
    {
        if (heading is null)
        {
            return "the introduction";
        }

        var number = Number().Match(heading);
        return number.Success ? "section " + number.Groups[1].Value : $"“{heading}”";
    }

    /// <summary>A heading without its computed number ("16. Contact" gives "Contact"), its spacing as a reader sees it.</summary>
    internal static string? WithoutNumber(string? heading) =>
        heading is null ? null : Spaces().Replace(Number().Replace(heading.Trim(), string.Empty), " ");

    /// <summary>The page's sections, the intro first as the section with id "" and no heading.</summary>
    private static List<Source> WithIntro(PageText page, string name)
    {
        var sections = new List<Source> { new(string.Empty, null, page.IntroHtml) };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in page.Sections)
        {
            if (section.Id.Length == 0)
            {
                throw new ArgumentException($"A section of '{page.Title}' has an empty id; the id \"\" is the intro's.", name);
            }

            if (!seen.Add(section.Id))
            {
                throw new ArgumentException($"Two sections of '{page.Title}' have the id '{section.Id}'; ids must be unique.", name);
            }

            sections.Add(new Source(section.Id, section.Heading, section.Html));
        }

        return sections;
    }

    /// <summary>The sections whose order among the sections on both pages changed: those off the longest common order.</summary>
    private static HashSet<string> Moved(
        List<Source> old, List<Source> @new, Dictionary<string, Source> oldById, Dictionary<string, Source> newById)
    {
        var oldOrder = old.Skip(1).Where(s => newById.ContainsKey(s.Id)).Select(s => s.Id).ToList();
        var newOrder = @new.Skip(1).Where(s => oldById.ContainsKey(s.Id)).Select(s => s.Id).ToList();
        return SequenceAligner.Align(oldOrder, newOrder)
            .Where(run => !run.Equal)
            .SelectMany(run => newOrder.Skip(run.NewStart).Take(run.NewCount))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The new order, with each removed section, and the old place of each moved section, right after what came before it on the
    /// old page. Read without added sections and with each moved section taken back to its old place, this is the old order.
    /// </summary>
    private static List<Entry> InRedlineOrder(
        List<Source> old, List<Source> @new, Dictionary<string, Source> oldById, Dictionary<string, Source> newById, HashSet<string> moved)
    {
        var ordered = @new.Select(s => new Entry(oldById.GetValueOrDefault(s.Id), s)).ToList();
        var anchor = 0;
        foreach (var section in old)
        {
            if (!newById.ContainsKey(section.Id))
            {
                ordered.Insert(++anchor, new Entry(section, null));
            }
            else if (moved.Contains(section.Id))
            {
                ordered[anchor].MovedAwayAfter.Add(section.Id);
            }
            else
            {
                anchor = ordered.FindIndex(e => e.New?.Id == section.Id);
            }
        }

        return ordered;
    }

    /// <summary>
    /// Finds the blocks that moved, within a section or between sections, among the blocks that block alignment left unmatched,
    /// and numbers the moves in the order of their new places.
    /// </summary>
    private static Dictionary<string, SectionMoves> BlockMoves(
        List<Entry> order, Dictionary<string, IReadOnlyList<SourceBlock>> oldBlocks, Dictionary<string, IReadOnlyList<SourceBlock>> newBlocks,
        Dictionary<string, List<SectionRun>> runs)
    {
        var oldCandidates = new List<MoveCandidate>();
        var newCandidates = new List<MoveCandidate>();
        var position = 0;
        foreach (var entry in order)
        {
            var sectionRuns = runs[entry.Id];
            for (var r = 0; r < sectionRuns.Count; r++)
            {
                foreach (var (o, n) in sectionRuns[r].Unpartnered(entry.Old is null ? [] : oldBlocks[entry.Id], entry.New is null ? [] : newBlocks[entry.Id]))
                {
                    if (o is not null)
                    {
                        oldCandidates.Add(new MoveCandidate(entry.Id, r, position++, o));
                    }

                    if (n is not null)
                    {
                        newCandidates.Add(new MoveCandidate(entry.Id, r, position++, n));
                    }
                }
            }
        }

        var index = order.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var away = new Dictionary<string, Dictionary<SourceBlock, BlockMove>>(StringComparer.Ordinal);
        var here = new Dictionary<string, Dictionary<SourceBlock, (SourceBlock, BlockMove)>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var (from, to) in MoveFinder.Find(oldCandidates, newCandidates))
        {
            var fromEntry = order[index[from.SectionId]];
            var toEntry = order[index[to.SectionId]];
            var down = from.SectionId == to.SectionId ? to.Run > from.Run : index[to.SectionId] > index[from.SectionId];
            var words = from.Block.Tokens.Where(t => t.Text != DiffToken.CellBreak).Select(t => t.Text == DiffToken.LineBreak ? " " : t.Text);
            var move = new BlockMove(++number, from.SectionId, SectionLabel(fromEntry.Old!.Heading), to.SectionId, SectionLabel(toEntry.New!.Heading), down,
                Excerpt(string.Concat(words)));
            Get(away, from.SectionId)[from.Block] = move;
            Get(here, to.SectionId)[to.Block] = (from.Block, move);
        }

        return order.ToDictionary(
            e => e.Id,
            e => away.ContainsKey(e.Id) || here.ContainsKey(e.Id)
                ? new SectionMoves(away.GetValueOrDefault(e.Id) ?? [], here.GetValueOrDefault(e.Id) ?? [])
                : SectionMoves.None,
            StringComparer.Ordinal);

        static Dictionary<SourceBlock, T> Get<T>(Dictionary<string, Dictionary<SourceBlock, T>> map, string id)
        {
            if (!map.TryGetValue(id, out var inner))
            {
                map[id] = inner = [];
            }

            return inner;
        }
    }

    /// <summary>The first words of a text, and an ellipsis if there were more.</summary>
    private static string Excerpt(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= ExcerptWords ? string.Join(' ', words) : string.Join(' ', words.Take(ExcerptWords)) + " …";
    }

    private static SectionDiff CompareSection(
        Entry entry, Dictionary<string, IReadOnlyList<SourceBlock>> oldBlocks, Dictionary<string, IReadOnlyList<SourceBlock>> newBlocks,
        Dictionary<string, List<SectionRun>> runs, Dictionary<string, SectionMoves> moves, HashSet<string> moved, GroupNumbers groups)
    {
        var (old, @new) = (entry.Old, entry.New);
        if (old is null)
        {
            return new SectionDiff(@new!.Id, ChangeKind.Added, null, @new.Heading,
                HeadingTokens(@new.Heading).Select(t => t.As(TokenChange.Inserted)).ToList(), false,
                BlockDiffer.Compare([], newBlocks[@new.Id], runs[@new.Id], moves[@new.Id], groups)) { MovedAwayAfter = entry.MovedAwayAfter };
        }

        if (@new is null)
        {
            return new SectionDiff(old.Id, ChangeKind.Removed, old.Heading, null,
                HeadingTokens(old.Heading).Select(t => t.As(TokenChange.Deleted)).ToList(), false,
                BlockDiffer.Compare(oldBlocks[old.Id], [], runs[old.Id], moves[old.Id], groups)) { MovedAwayAfter = entry.MovedAwayAfter };
        }

        var heading = old.Heading == @new.Heading
            ? HeadingTokens(@new.Heading).Select(t => t.As(TokenChange.Same)).ToList()
            : WordDiffer.Compare(HeadingTokens(old.Heading), HeadingTokens(@new.Heading)).Tokens;
        var blocks = BlockDiffer.Compare(oldBlocks[old.Id], newBlocks[@new.Id], runs[@new.Id], moves[@new.Id], groups);
        var headingChanged = heading.Any(t => t.Change != TokenChange.Same);
        var renumbered = headingChanged && WithoutNumber(old.Heading) == WithoutNumber(@new.Heading);
        var changed = (!renumbered && headingChanged) || blocks.Any(b => b.HasChanges);
        return new SectionDiff(@new.Id, changed ? ChangeKind.Changed : ChangeKind.Unchanged, old.Heading, @new.Heading, heading,
            moved.Contains(@new.Id), blocks) { Renumbered = renumbered, MovedAwayAfter = entry.MovedAwayAfter };
    }

    private static IReadOnlyList<InlineToken> HeadingTokens(string? heading) =>
        heading is null ? [] : InlineToken.FromText(heading);

    private static RedlineSummary Summarize(List<SectionDiff> sections)
    {
        int wordsAdded = 0, wordsRemoved = 0, links = 0, formatting = 0, blocksMoved = 0;
        foreach (var tokens in sections.SelectMany(s => s.Blocks.Select(b => b.Tokens).Prepend(s.HeadingTokens)))
        {
            if (MarkupRuns.Unchanged(tokens))
            {
                continue;
            }

            foreach (var run in MarkupRuns.Of(tokens))
            {
                var words = run.Tokens.Count(t => t.IsWord);
                wordsAdded += run.Change == TokenChange.Inserted ? words : 0;
                wordsRemoved += run.Change == TokenChange.Deleted ? words : 0;
                links += run.Markup is { LinkRetargeted: true } ? 1 : 0;
                formatting += run.Markup is { Formatting.Count: > 0 } ? 1 : 0;
            }
        }

        foreach (var block in sections.SelectMany(s => s.Blocks))
        {
            formatting += block.FormatNote is null ? 0 : 1;
            blocksMoved += block.Move is not null && block.Kind != ChangeKind.Moved ? 1 : 0;
        }

        return new RedlineSummary(
            SectionsAdded: sections.Count(s => s.Kind == ChangeKind.Added),
            SectionsRemoved: sections.Count(s => s.Kind == ChangeKind.Removed),
            SectionsChanged: sections.Count(s => s.Kind == ChangeKind.Changed),
            SectionsMoved: sections.Count(s => s.Moved),
            WordsAdded: wordsAdded,
            WordsRemoved: wordsRemoved,
            LinksChanged: links,
            FormattingChanged: formatting,
            BlocksMoved: blocksMoved);
    }

    [GeneratedRegex(@"^(\d+)\.\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    /// <summary>A section of one version; the intro has id "" and no heading.</summary>
    private sealed record Source(string Id, string? Heading, string Html);

    /// <summary>A place in the redline: a section of either version or both, and the moved sections whose old place follows it.</summary>
    private sealed record Entry(Source? Old, Source? New)
    {
        public string Id => (New ?? Old)!.Id;

        public List<string> MovedAwayAfter { get; } = [];
    }
}
