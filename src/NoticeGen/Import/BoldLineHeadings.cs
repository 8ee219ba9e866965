namespace NoticeGen.Import;

/// <summary>
/// Reads bold lines as headings on a web page that marks its sections no other way: many CMS pages write
/// "&lt;p&gt;&lt;strong&gt;1. Information We Collect&lt;/strong&gt;&lt;/p&gt;" where a heading belongs, and would otherwise be refused
/// as having no headings.
/// </summary>
internal static class BoldLineHeadings
{
    public static IReadOnlyList<FlatBlock> Promote(IReadOnlyList<FlatBlock> blocks)
    {
        var headings = blocks.Where(b => b.IsHeading).ToList();
        // A page with headings below its title uses them for sections; its bold lines are emphasis, and stay so.
        if (headings.Count > 1 || blocks.Count(b => b.HeadingMarkdown is not null) < 2)
        {
            return blocks;
        }

        // Below the page's one heading (its title), or at h2 on a page with none, where a bold line that opens the page
        // ("PRIVACY POLICY") is its title.
        var level = headings.Count == 1 ? Math.Min(6, headings[0].Level + 1) : 2;
        var title = headings.Count == 0 && blocks[0].HeadingMarkdown is not null ? blocks[0] : null;
        return blocks.Select(b => b.HeadingMarkdown is { } heading ? b with { Level = b == title ? 1 : level, Markdown = heading } : b).ToList();
    }
}
