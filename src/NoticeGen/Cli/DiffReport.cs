using System.Text.RegularExpressions;
using NoticeGen.Build;
using NoticeGen.Check.Coverage;
using NoticeGen.Compose;
using NoticeGen.History;
using NoticeGen.Load;
using NoticeGen.Redline;
using NoticeGen.Releases;

namespace NoticeGen.Cli;

/// <summary>One compared page: which one, between which versions, whether its text changed (the stamps' test), and its diff.</summary>
public sealed record ComparedPage(PageKey Key, string NoticeTitle, string AudienceName, bool Changed, PageDiff Diff, MaterialChangeReport Topics)
{
    public string Name => Key.IsFullNotice ? $"{NoticeTitle} (full notice)" : $"{NoticeTitle} ({AudienceName})";
}

/// <summary>
/// A change to the text, as an editor or a tool wants it: the section and the fragment file and line it comes from, what
/// kind of change, the old and new text, and every page it appears on (a shared section changes many pages at once).
/// </summary>
public sealed record DiffChange(string Section, string Heading, string Kind, string Old, string New, string? File, int? Line, IReadOnlyList<PageKey> Pages, string Html)
{
    /// <summary>What the redline notes beside the text (a link's old and new targets, formatting, a move), as plain text.</summary>
    public string Notes { get; init; } = string.Empty;
}

/// <summary>What `noticegen diff` compared: the two versions, every page, and each distinct change once.</summary>
public sealed partial record DiffReport(string From, string To, IReadOnlyList<ComparedPage> Pages, IReadOnlyList<DiffChange> Changes)
{
    public bool Changed => Pages.Any(p => p.Changed);

    /// <summary>Groups the pages' changed passages: the same change of the same section on several pages is one change.</summary>
    public static DiffReport Of(string from, string to, IReadOnlyList<ComparedPage> pages, ContentSet after, ContentSet? before)
    {
        var changes = new List<DiffChange>();
        var index = new Dictionary<(string, PassageKind, string, string), int>();
        var pagesOf = new List<List<PageKey>>();
        foreach (var page in pages.Where(p => p.Changed))
        {
            foreach (var passage in page.Diff.ChangedBlocks())
            {
                var key = (passage.SectionId, passage.Change, passage.OldText, passage.NewText);
                if (!index.TryGetValue(key, out var at))
                {
                    index[key] = at = changes.Count;
                    var (file, line) = Locate(passage, after, before);
                    changes.Add(new DiffChange(passage.SectionId, passage.SectionHeading, passage.Change.ToString().ToLowerInvariant(),
                        passage.OldText, passage.NewText, file, line, [], passage.Html) { Notes = NotesOf(passage.Html) });
                    pagesOf.Add([]);
                }

                if (!pagesOf[at].Contains(page.Key))
                {
                    pagesOf[at].Add(page.Key);
                }
            }
        }

        return new DiffReport(from, to, pages, changes.Select((c, i) => c with { Pages = pagesOf[i] }).ToList());
    }

    /// <summary>The fragment a passage comes from, and the line its text starts on there (or in a fragment it includes).</summary>
    private static (string? File, int? Line) Locate(RedlinePassage passage, ContentSet after, ContentSet? before)
    {
        var side = passage.NewText.Length > 0 ? after : before ?? after;
        var fragment = (side.Find(passage.SectionId) ?? after.Find(passage.SectionId) ?? before?.Find(passage.SectionId));
        if (fragment is null)
        {
            return (null, null);
        }

        var words = Words().Matches(passage.NewText.Length > 0 ? passage.NewText : passage.OldText).Take(6).Select(m => Regex.Escape(m.Value)).ToList();
        var pending = new Queue<Fragment>([fragment]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count > 0 && pending.TryDequeue(out var candidate))
        {
            if (!seen.Add(candidate.Id))
            {
                continue;
            }

            var match = Regex.Match(candidate.Source, string.Join(@"[^\p{L}\p{N}]+", words), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (match.Success)
            {
                return (candidate.File, candidate.Source.AsSpan(0, match.Index).Count('\n') + 1);
            }

            foreach (var include in TemplateCalls.Includes(candidate.Code))
            {
                if (side.Find(include.Value) is { } next)
                {
                    pending.Enqueue(next);
                }
            }
        }

        return (fragment.File, fragment.Where.Line);
    }

    /// <summary>The redline's notes in a passage ("link changed: https://a → https://b"); site targets without their "ng:".</summary>
    private static string NotesOf(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + html + "</body>");
        return string.Join(" ", document.QuerySelectorAll(".redline-mark")
            .Select(n => string.Join(' ', n.TextContent.Replace(Compose.InternalLink.Scheme, string.Empty, StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim()));
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
