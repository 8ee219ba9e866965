namespace NoticeGen.Redline;

/// <summary>A changed passage for a changelog: its section, how it changed, and the redline HTML of just that block or heading.</summary>
public sealed record RedlinePassage(string SectionId, string SectionHeading, ChangeKind Kind, string Html);

/// <summary>Picks the changed passages out of a page diff, in page order.</summary>
public static class RedlinePassages
{
    /// <summary>
    /// Each changed heading and each changed block, the blocks of added and removed sections included. Headings come as
    /// paragraphs (class heading-change): a passage sits under the changelog's or feed's own headings.
    /// </summary>
    public static IReadOnlyList<RedlinePassage> ChangedBlocks(this PageDiff diff)
    {
        var passages = new List<RedlinePassage>();
        foreach (var section in diff.Sections.Where(s => s.Kind != ChangeKind.Unchanged))
        {
            if (!section.Renumbered && section.HeadingTokens.Any(t => t.Change != TokenChange.Same))
            {
                passages.Add(new RedlinePassage(section.Id, section.Heading, section.Kind, RedlineHtml.RenderHeadingPassage(section)));
            }

            passages.AddRange(section.Blocks
                .Where(b => b.Kind != ChangeKind.Unchanged)
                .Select(b => new RedlinePassage(section.Id, section.Heading, b.Kind, RedlineHtml.RenderBlock(b))));
        }

        return passages;
    }
}
