namespace NoticeGen.Check.Output;

/// <summary>
/// A page has one h1 and never skips a heading level, so screen-reader users who move by headings get its true outline
/// (WCAG 2.2, 1.3.1 and 2.4.6).
/// </summary>
public sealed class HeadingOrderCheck : IOutputCheck
{
    public IReadOnlyList<DiagnosticCode> Codes { get; } = [Check.Codes.HeadingOrder];

    public void Inspect(OutputPage page, DiagnosticSink sink)
    {
        var headings = page.Elements.Where(e => e.Name is ['h', >= '1' and <= '6']).ToList();
        var h1 = headings.Count(h => h.Name == "h1");
        if (h1 != 1)
        {
            sink.Report(Check.Codes.HeadingOrder, page.Where(headings.Skip(1).FirstOrDefault(h => h.Name == "h1") ?? page.First("body")), $"{page.Path} has {h1} h1 headings; a page has exactly one.",
                "Keep one h1 in the page template: a fragment's own headings start at h3.");
        }

        var previous = 0;
        foreach (var heading in headings)
        {
            var level = heading.Name[1] - '0';
            if (previous > 0 && level > previous + 1)
            {
                sink.Report(Check.Codes.HeadingOrder, page.Where(heading), $"The heading '{Shorten(heading.Text ?? string.Empty)}' on {page.Path} is h{level} right after an h{previous}.",
                    $"Make it one level deeper than the heading above it (h{previous + 1}): in a fragment, write one more '#' than that heading, not more.");
            }

            previous = level;
        }
    }

    public void Finish(OutputSite site, DiagnosticSink sink)
    {
    }

    private static string Shorten(string text)
    {
        var folded = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return folded.Length > 60 ? folded[..57] + "..." : folded;
    }
}
