using System.Text.RegularExpressions;
using NoticeGen.Check;

namespace NoticeGen.Import;

/// <summary>
/// Finds a page's own table of contents (a list of links to its headings, with or without a "Contents" heading of its own)
/// and leaves it out: NoticeGen writes each page's contents itself, and the copy would be a section of links that goes
/// stale as sections are added.
/// </summary>
public static partial class TableOfContents
{
    /// <summary>Fewer links than this are a list that happens to link within the page, not a table of contents.</summary>
    private const int MinEntries = 3;

    public static IReadOnlyList<FlatBlock> Drop(string file, IReadOnlyList<FlatBlock> blocks, List<ImportNote> notes)
    {
        var headingAnchors = blocks.Where(b => b.IsHeading).SelectMany(b => b.AllAnchors).ToHashSet(StringComparer.Ordinal);
        var dropped = new HashSet<int>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!IsContents(blocks[i], headingAnchors))
            {
                continue;
            }

            dropped.Add(i);
            // Its heading goes too when the list is all the heading holds ("Table of Contents", then the first section).
            if (i > 0 && blocks[i - 1].IsHeading && (i + 1 == blocks.Count || blocks[i + 1].IsHeading && blocks[i + 1].Level <= blocks[i - 1].Level))
            {
                dropped.Add(i - 1);
            }

            // So does a lead-in of its own ("Table of contents:").
            if (i > 0 && !blocks[i - 1].IsHeading && blocks[i - 1].PlainText.Split(' ').Length <= 5 && LeadIn().IsMatch(blocks[i - 1].PlainText))
            {
                dropped.Add(i - 1);
                notes.Add(new ImportNote(NoteKind.LeftOut, new SourceSpan(file, blocks[i - 1].Line, 1),
                    $"“{HtmlPageReader.Shorten(blocks[i - 1].PlainText)}”: the lead-in of the page's table of contents."));
            }

            var first = dropped.Contains(i - 1) && blocks[i - 1].IsHeading ? blocks[i - 1] : blocks[i];
            notes.Add(new ImportNote(NoteKind.LeftOut, new SourceSpan(file, first.Line, 1),
                $"{(first.IsHeading ? $"“{HtmlPageReader.Shorten(first.PlainText)}”: " : string.Empty)}the page's table of contents (links to its own headings); NoticeGen writes each page's contents itself."));
        }

        return dropped.Count == 0 ? blocks : blocks.Where((_, i) => !dropped.Contains(i)).ToList();
    }

    /// <summary>A list (nested or not) whose every item is one link to a heading of the page, at least <see cref="MinEntries"/> of them.</summary>
    private static bool IsContents(FlatBlock block, HashSet<string> headingAnchors)
    {
        if (block.IsHeading)
        {
            return false;
        }

        var lines = block.Markdown.Split('\n');
        var entries = lines.Select(l => Entry().Match(l)).ToList();
        return lines.Length >= MinEntries && entries.All(m => m.Success)
            && entries.All(m => headingAnchors.Contains(Uri.UnescapeDataString(m.Groups[1].Value)));
    }

    /// <summary>A short paragraph that announces a table of contents, in a few languages.</summary>
    [GeneratedRegex(@"\b(contents|in this (policy|notice)|inhalt\w*|sommaire|índice|indice|inhoud|目次)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LeadIn();

    /// <summary>A list item holding nothing but an in-page link: "- [Cookies](#cookies)", "  1. [Your rights](#rights)".</summary>
    [GeneratedRegex(@"^\s*(?:[-*+]|\d{1,3}[.)])\s+\[[^\]]+\]\(#([^)\s]+)\)\s*$")]
    private static partial Regex Entry();
}
