using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NoticeGen.Build;
using NoticeGen.Check;
using NoticeGen.Compose;
using NoticeGen.History;
using NoticeGen.Releases;
using NoticeGen.Output;
using NoticeGen.Redline;
using NoticeGen.Load;
using NoticeGen.Render;
using Scriban.Runtime;

namespace NoticeGen.Cli;

/// <summary>
/// noticegen diff: compares two releases, or the latest release with the working draft, page by page.
/// Exit code 0 when no page's text changed and 1 when one did, so CI can flag a pull request that changes legal text.
/// </summary>
public static class DiffCommand
{
    private const string Draft = "draft";

    public static Command Create(Option<DirectoryInfo> siteOption, TextWriter stdout, TextWriter stderr, Func<string, string?> environment)
    {
        var fromOption = new Option<string?>("--from") { Description = "The release to compare from (its date). Default: the latest release." };
        var toOption = new Option<string?>("--to") { Description = "A release date, or 'draft' for the working content. Default: draft." };
        var noticeOption = new Option<string?>("--notice") { Description = "Only this notice (its id in site.yml)." };
        var audienceOption = new Option<string?>("--audience") { Description = "Only this audience (its id, or 'all' for the full notice)." };
        var formatOption = new Option<string>("--format")
        {
            Description = "text (coloured in a terminal), html (a standalone redline to attach to a pull request) or json.",
            DefaultValueFactory = _ => "text",
        };
        formatOption.AcceptOnlyFromAmong("text", "html", "json");
        var command = new Command("diff", "Show what changed between two releases, or between the latest release and the draft. Exit code: 0 no page changed, 1 some page changed, 2 error.")
        {
            fromOption, toOption, noticeOption, audienceOption, formatOption,
        };
        command.SetAction(result => Program.Guard(stderr, strict: false, _ =>
        {
            var site = result.GetValue(siteOption)!.FullName;
            var working = new Lazy<ContentSet>(() => ContentLoader.LoadWorking(site)); // only the draft and the HTML report need it
            var pages = Compare(site, working, result.GetValue(fromOption), result.GetValue(toOption), result.GetValue(noticeOption), result.GetValue(audienceOption));
            var color = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && string.IsNullOrEmpty(environment("NO_COLOR"));
            stdout.Write(result.GetValue(formatOption) switch
            {
                "json" => Json(pages),
                "html" => Html(site, working.Value, pages),
                _ => Text(pages, color),
            });
            return pages.Any(p => p.Changed) ? 1 : 0;
        }));
        return command;
    }

    /// <summary>
    /// One compared page: which one, between which versions, and its diff. <see cref="Changed"/> uses the same test as
    /// the pages' "last updated" stamps, so a moved internal link alone does not flag a change to legal text.
    /// </summary>
    public sealed record ComparedPage(PageKey Key, string NoticeTitle, string AudienceName, string From, string To, bool Changed, PageDiff Diff);

    public static IReadOnlyList<ComparedPage> Compare(string site, Lazy<ContentSet> working, string? fromText, string? toText, string? noticeId, string? audienceId)
    {
        var releases = ReleaseStore.LoadAll(site);
        var diagnostics = new DiagnosticSink();
        var pool = new TemplateContextPool(ScribanLimits.Fragments);
        var parallel = new ParallelOptions();
        var from = fromText is null ? releases.LastOrDefault() : Find(releases, fromText, "--from");
        var before = from is null ? null : RenderedVersion.Render(from.Content, diagnostics, pool, parallel);
        var to = toText is null || toText == Draft ? null : Find(releases, toText, "--to");
        var after = RenderedVersion.Render(to?.Content ?? working.Value, diagnostics, pool, parallel);
        diagnostics.ThrowIfErrors();

        var keys = after.Pages.Select(p => p.Plan.Key).Concat(before?.Pages.Select(p => p.Plan.Key) ?? []).Distinct().ToList();
        CheckFilter(keys.Select(k => k.NoticeId), noticeId, "--notice", "notice");
        CheckFilter(keys.Select(k => k.AudienceId), audienceId, "--audience", "audience");
        var fromLabel = from is null ? "(nothing released)" : Dates.Iso(from.Effective);
        var toLabel = to is null ? Draft : Dates.Iso(to.Effective);
        return keys
            .Where(k => (noticeId is null || k.NoticeId == noticeId) && (audienceId is null || k.AudienceId == audienceId))
            .Select(k =>
            {
                var old = before?.Find(k);
                var @new = after.Find(k);
                var plan = (@new ?? old)!.Plan;
                var diff = PageDiffer.Compare(RedlineService.ToText(old, plan.Notice.Title), RedlineService.ToText(@new, plan.Notice.Title));
                return new ComparedPage(k, plan.Notice.Title, plan.Audience.Name, fromLabel, toLabel, PageComparer.Differs(old, @new), diff);
            })
            .ToList();
    }

    private static Release Find(IReadOnlyList<Release> releases, string date, string option)
    {
        return releases.FirstOrDefault(r => Dates.Iso(r.Effective) == date.Trim())
            ?? throw new UserErrorException(Codes.Option.At(new SourceSpan(option, 1, 1), $"There is no release '{date}'.",
                releases.Count == 0 ? "Make one with 'noticegen release' first." : $"Use one of: {string.Join(", ", releases.Select(r => Dates.Iso(r.Effective)))}{(option == "--to" ? ", or draft" : string.Empty)}."));
    }

    private static void CheckFilter(IEnumerable<string> known, string? value, string option, string what)
    {
        var ids = known.Distinct().ToList();
        if (value is not null && !ids.Contains(value))
        {
            throw new UserErrorException(Codes.Option.At(new SourceSpan(option, 1, 1), $"There is no {what} '{value}'.", $"Use one of: {string.Join(", ", ids)}."));
        }
    }

    private static string Text(IReadOnlyList<ComparedPage> pages, bool color)
    {
        var changed = pages.Where(p => p.Changed).ToList();
        if (changed.Count == 0)
        {
            return $"No changes in {pages.Count} page(s).\n";
        }

        var text = new System.Text.StringBuilder();
        foreach (var page in changed)
        {
            text.Append(color ? "\u001b[1m" : string.Empty)
                .Append($"=== {page.NoticeTitle} — {page.AudienceName} ({page.From} → {page.To})")
                .Append(color ? "\u001b[0m" : string.Empty).Append('\n')
                .Append(page.Diff.Summary.Describe()).Append('\n')
                .Append(RedlineText.Render(page.Diff, color)).Append('\n');
        }

        return text.ToString();
    }

    private static string Html(string site, ContentSet working, IReadOnlyList<ComparedPage> pages)
    {
        var templates = new SiteTemplates(site);
        var chrome = working.Site.Site;
        var layout = new SiteLayout(NoticeSlugs.Resolve(working.Site, ReleaseStore.LoadAll(site)));

        // One document holds every page's redline: prefixed ids keep them apart, absolute links (with base_url) keep them
        // working as an attachment.
        var changed = pages.Where(p => p.Changed).Select((page, i) => (Page: page, Prefix: $"p{i + 1}-")).ToList();
        var stylesheet = templates.Assets().Where(a => a.OutputPath == SiteLayout.AssetsFolder + "style.css").Select(a => File.ReadAllText(a.SourcePath)).FirstOrDefault() ?? string.Empty;
        var model = PageModels.Page(PageModels.Site(chrome), ScriptData.Object(
            ("kind", "diff"),
            ("title", pages.Count == 0 ? "Changes" : $"Changes {pages[0].From} → {pages[0].To}"),
            ("root", string.Empty),
            ("stylesheet", stylesheet),
            ("pages", ScriptData.Array(changed, x =>
            {
                var sections = x.Page.Diff.Sections.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
                var links = new LinkContext(string.Empty, x.Page.Key, layout.Page, sections.Contains, x.Prefix, chrome.BaseUrl);
                return ScriptData.Object(
                    ("notice", x.Page.NoticeTitle), ("audience", x.Page.AudienceName), ("from", x.Page.From), ("to", x.Page.To),
                    ("summary_text", x.Page.Diff.Summary.Describe()),
                    ("redline_html", LinkResolver.Resolve(RedlineHtml.Render(x.Page.Diff, x.Prefix), links)));
            }))));
        return templates.Render("diff.sbn", model);
    }

    private static string Json(IReadOnlyList<ComparedPage> pages)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        var payload = new
        {
            changed = pages.Any(p => p.Changed),
            // Every compared page is listed; only what changed is spelt out (the whole token stream of 15 pages is megabytes).
            pages = pages.Select(p => new
            {
                notice = p.Key.NoticeId,
                audience = p.Key.AudienceId,
                from = p.From,
                to = p.To,
                changed = p.Changed,
                summary = p.Diff.Summary,
                sections = p.Changed ? p.Diff.Changes().Sections : [],
            }),
        };
        return JsonSerializer.Serialize(payload, options).ReplaceLineEndings("\n") + "\n";
    }
}
