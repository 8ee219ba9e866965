using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace NoticeGen.Redline;

/// <summary>
/// Compares two versions of a page, structure first: sections are matched by id (so a renamed or moved section stays one
/// section), blocks are aligned by their text, and words are diffed inside the blocks that changed.
/// </summary>
public static class PageDiffer
{
    public static PageDiff Compare(PageText old, PageText @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var oldSections = WithIntro(old, nameof(old));
        var newSections = WithIntro(@new, nameof(@new));
        var oldById = oldSections.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var newById = newSections.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var moved = Moved(oldSections, newSections, oldById, newById);

        var parser = new HtmlParser();
        var oldReader = new BlockReader(parser);
        var newReader = new BlockReader(parser);
        var sections = InNewOrder(oldSections, newSections, oldById, newById)
            .Select(pair => CompareSection(pair.Old, pair.New, moved, oldReader, newReader))
            .ToList();
        return new PageDiff(@new.Title, sections, Summarize(sections));
    }

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

    /// <summary>The new order, with each removed section right after the section it followed on the old page.</summary>
    private static List<(Source? Old, Source? New)> InNewOrder(
        List<Source> old, List<Source> @new, Dictionary<string, Source> oldById, Dictionary<string, Source> newById)
    {
        var removedAfter = new Dictionary<string, List<Source>>(StringComparer.Ordinal);
        var anchor = string.Empty;
        foreach (var section in old)
        {
            if (newById.ContainsKey(section.Id))
            {
                anchor = section.Id;
            }
            else if (removedAfter.TryGetValue(anchor, out var list))
            {
                list.Add(section);
            }
            else
            {
                removedAfter[anchor] = [section];
            }
        }

        var ordered = new List<(Source? Old, Source? New)>();
        foreach (var section in @new)
        {
            ordered.Add((oldById.GetValueOrDefault(section.Id), section));
            foreach (var removed in removedAfter.GetValueOrDefault(section.Id) ?? [])
            {
                ordered.Add((removed, null));
            }
        }

        return ordered;
    }

    private static SectionDiff CompareSection(Source? old, Source? @new, HashSet<string> moved, BlockReader oldReader, BlockReader newReader)
    {
        if (old is null)
        {
            var added = @new!;
            return new SectionDiff(added.Id, ChangeKind.Added, null, added.Heading,
                HeadingTokens(added.Heading).Select(t => t.As(TokenChange.Inserted)).ToList(), false,
                BlockDiffer.Added(newReader.Read(added.Html)));
        }

        if (@new is null)
        {
            return new SectionDiff(old.Id, ChangeKind.Removed, old.Heading, null,
                HeadingTokens(old.Heading).Select(t => t.As(TokenChange.Deleted)).ToList(), false,
                BlockDiffer.Removed(oldReader.Read(old.Html)));
        }

        var heading = old.Heading == @new.Heading
            ? HeadingTokens(@new.Heading).Select(t => t.As(TokenChange.Same)).ToList()
            : WordDiffer.Compare(HeadingTokens(old.Heading), HeadingTokens(@new.Heading)).Tokens;
        var blocks = BlockDiffer.Compare(oldReader.Read(old.Html), newReader.Read(@new.Html));
        var renumbered = old.Heading != @new.Heading && WithoutNumber(old.Heading) == WithoutNumber(@new.Heading);
        var changed = (!renumbered && heading.Any(t => t.Change != TokenChange.Same)) || blocks.Any(b => b.Kind != ChangeKind.Unchanged);
        return new SectionDiff(@new.Id, changed ? ChangeKind.Changed : ChangeKind.Unchanged, old.Heading, @new.Heading, heading,
            moved.Contains(@new.Id), blocks) { Renumbered = renumbered };
    }

    /// <summary>A heading without its computed number ("16. Contact" gives "Contact").</summary>
    private static string? WithoutNumber(string? heading) =>
        heading is null ? null : Regex.Replace(heading, @"^\d+\.\s+", string.Empty, RegexOptions.CultureInvariant);

    private static IReadOnlyList<InlineToken> HeadingTokens(string? heading) =>
        heading is null ? [] : InlineToken.FromText(heading);

    private static RedlineSummary Summarize(List<SectionDiff> sections)
    {
        var tokens = sections.SelectMany(s => s.HeadingTokens.Concat(s.Blocks.SelectMany(b => b.Tokens))).Where(t => t.IsWord).ToList();
        return new RedlineSummary(
            SectionsAdded: sections.Count(s => s.Kind == ChangeKind.Added),
            SectionsRemoved: sections.Count(s => s.Kind == ChangeKind.Removed),
            SectionsChanged: sections.Count(s => s.Kind == ChangeKind.Changed),
            SectionsMoved: sections.Count(s => s.Moved),
            WordsAdded: tokens.Count(t => t.Change == TokenChange.Inserted),
            WordsRemoved: tokens.Count(t => t.Change == TokenChange.Deleted));
    }

    /// <summary>A section of one version; the intro has id "" and no heading.</summary>
    private sealed record Source(string Id, string? Heading, string Html);
}
