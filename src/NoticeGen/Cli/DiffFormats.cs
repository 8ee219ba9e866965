using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NoticeGen.Redline;

namespace NoticeGen.Cli;

/// <summary>
/// The formats of `noticegen diff` other than the HTML redline: text for a terminal, Markdown for a pull-request comment,
/// JSON for tools. Each names every change once, with the pages it appears on and the fragment it comes from.
/// </summary>
public static class DiffFormats
{
    /// <summary>GitHub refuses comments longer than 65,536 characters; past this, the Markdown is summarised.</summary>
    public const int MarkdownLimit = 60_000;

    // Compact: the JSON is for tools, and a large release must stay small (7,000 rewritten words under 100 KB).

    public static string Text(DiffReport report, bool color)
    {
        var changed = report.Pages.Where(p => p.Changed).ToList();
        if (changed.Count == 0)
        {
            return $"No changes in {report.Pages.Count} page(s) from {report.From} to {report.To}.\n";
        }

        string Bold(string s) => color ? $"\u001b[1m{s}\u001b[0m" : s;
        var text = new StringBuilder($"{Bold($"Changes from {report.From} to {report.To}")}: {changed.Count} of {report.Pages.Count} page(s) changed.\n");
        foreach (var page in changed)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {page.Name}: {page.Diff.Summary.Describe()}{(page.Topics.Summary is { } m ? $" ({m})" : string.Empty)}\n");
        }

        foreach (var change in report.Changes)
        {
            text.Append('\n').Append(Bold($"§ {change.Heading}")).Append(Where(change)).Append(" — ").Append(change.Kind).Append('\n')
                .Append("  on: ").Append(Pages(report, change)).Append('\n')
                .Append(Indent(TextDiff.Render(change.Old, change.New,
                    removed => color ? $"\u001b[31;9m{removed}\u001b[0m" : $"[-{removed}-]",
                    inserted => color ? $"\u001b[32;4m{inserted}\u001b[0m" : $"{{+{inserted}+}}")))
                .Append(change.Notes.Length > 0 ? "\n  " + change.Notes : string.Empty)
                .Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A pull-request comment: the summary, then each changed passage with ~~removed~~ and **added** words.</summary>
    public static string Markdown(DiffReport report, string? redlineUrl)
    {
        var changed = report.Pages.Where(p => p.Changed).ToList();
        var head = new StringBuilder($"### Privacy notice changes: {report.From} → {report.To}\n\n");
        if (changed.Count == 0)
        {
            return head.Append(CultureInfo.InvariantCulture, $"No page's text changes ({report.Pages.Count} compared).\n").ToString();
        }

        head.Append(CultureInfo.InvariantCulture, $"**{changed.Count} of {report.Pages.Count} pages change.**\n\n| page | change |\n| --- | --- |\n");
        foreach (var page in changed)
        {
            head.Append(CultureInfo.InvariantCulture, $"| {Escape(page.Name)} | {Escape(page.Diff.Summary.Describe())}{(page.Topics.Summary is { } m ? $" **{Escape(m)}**" : string.Empty)} |\n");
        }

        var body = new StringBuilder();
        foreach (var change in report.Changes)
        {
            var section = new StringBuilder($"\n#### {Escape(change.Heading)}{(change.File is null ? string.Empty : $" (`{change.File}:{change.Line}`)")}\n\n")
                .Append("On: ").Append(Escape(Pages(report, change))).Append(CultureInfo.InvariantCulture, $" ({change.Kind})\n\n> ")
                .Append(TextDiff.Render(Escape(change.Old), Escape(change.New), removed => Wrap(removed, "~~"), inserted => Wrap(inserted, "**")).Replace("\n", "\n> ", StringComparison.Ordinal))
                .Append(change.Notes.Length > 0 ? "\n>\n> _" + Escape(change.Notes) + "_" : string.Empty)
                .Append('\n');
            if (head.Length + body.Length + section.Length > MarkdownLimit - 400)
            {
                var left = report.Changes.Count - report.Changes.ToList().IndexOf(change);
                body.Append(CultureInfo.InvariantCulture, $"\n…and {left} more change(s), not shown: this comment would pass GitHub's size limit. ");
                body.Append(redlineUrl is null ? "See the full redline from `noticegen diff --format html`.\n" : $"See [the full redline]({redlineUrl}).\n");
                break;
            }

            body.Append(section);
        }

        return head.Append(body).ToString();
    }

    /// <summary>For tools: every page with its summary and topics, and each change once, with its source place and pages.</summary>
    public static string JsonReport(DiffReport report)
    {
        var root = new JsonObject
        {
            ["from"] = report.From,
            ["to"] = report.To,
            ["changed"] = report.Changed,
            ["pages"] = new JsonArray([.. report.Pages.Select(p => (JsonNode)new JsonObject
            {
                ["notice"] = p.Key.NoticeId,
                ["audience"] = p.Key.AudienceId,
                ["changed"] = p.Changed,
                ["summary"] = p.Changed ? Summary(p.Diff.Summary) : null,
                ["topics"] = p.Changed && p.Topics.Topics.Count > 0 ? new JsonArray([.. p.Topics.Topics.Select(t => (JsonNode)JsonValue.Create(t.Topic)!)]) : null,
                ["material"] = p.Changed && p.Topics.IsMaterial ? new JsonArray([.. p.Topics.Material.Select(t => (JsonNode)JsonValue.Create(t.Topic)!)]) : null,
            })]),
            // Changes by section (its id and fragment file once), each with its line, kind, old and new text, and the pages
            // it is on, by their place in "pages" above: a change of a shared section is on many, and names would repeat.
            ["sections"] = new JsonArray([.. report.Changes.GroupBy(c => (c.Section, c.File)).Select(g => (JsonNode)new JsonObject
            {
                ["id"] = g.Key.Section,
                ["file"] = g.Key.File,
                ["changes"] = new JsonArray([.. g.Select(c => (JsonNode)new JsonObject
                {
                    ["line"] = c.Line,
                    ["kind"] = c.Kind,
                    ["old"] = c.Old.Length == 0 ? null : c.Old,
                    ["new"] = c.New.Length == 0 ? null : c.New,
                    ["notes"] = c.Notes.Length == 0 ? null : c.Notes,
                    ["pages"] = new JsonArray([.. c.Pages.Select(k => (JsonNode)JsonValue.Create(report.Pages.ToList().FindIndex(p => p.Key == k))!)]),
                })]),
            })]),
        };
        return Output.JsonText.Write(root, indented: false);
    }

    private static JsonObject Summary(RedlineSummary s)
    {
        var summary = new JsonObject { ["text"] = s.Describe() };
        if (s.TitleChanged)
        {
            summary["titleChanged"] = true;
        }

        foreach (var (name, value) in new[]
                 {
                     ("sectionsAdded", s.SectionsAdded), ("sectionsRemoved", s.SectionsRemoved), ("sectionsChanged", s.SectionsChanged),
                     ("sectionsMoved", s.SectionsMoved), ("wordsAdded", s.WordsAdded), ("wordsRemoved", s.WordsRemoved),
                     ("linksChanged", s.LinksChanged), ("formattingChanged", s.FormattingChanged), ("blocksMoved", s.BlocksMoved),
                 })
        {
            if (value > 0)
            {
                summary[name] = value;
            }
        }

        return summary;
    }


    /// <summary>Marks around a changed run, with its outer spaces left outside (Markdown ignores "** word**").</summary>
    private static string Wrap(string run, string mark)
    {
        var trimmed = run.Trim();
        return trimmed.Length == 0 ? run : run[..run.IndexOf(trimmed[0])] + mark + trimmed + mark + run[(run.LastIndexOf(trimmed[^1]) + 1)..];
    }

    private static string Where(DiffChange change) => change.File is null ? string.Empty : $" ({change.File}:{change.Line})";

    /// <summary>"Privacy Notice for the Websites: full notice, California residents; ...": the pages a change is on, by notice.</summary>
    private static string Pages(DiffReport report, DiffChange change) =>
        string.Join("; ", change.Pages.Select(k => report.Pages.First(p => p.Key == k))
            .GroupBy(p => p.NoticeTitle)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(p => p.Key.IsFullNotice ? "full notice" : p.AudienceName))}"));

    private static string Indent(string text) => "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);

    /// <summary>Markdown's own characters in legal text shown literally.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '#')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
