using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NoticeGen.Build;
using NoticeGen.Check;
using NoticeGen.Check.Coverage;
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
        formatOption.AcceptOnlyFromAmong("text", "html", "json", "markdown");
        var command = new Command("diff", "Show what changed between two releases, or between the latest release and the draft. Exit code: 0 no page changed, 1 some page changed, 2 error.\n\nExamples:\n  noticegen diff                          what the working text changes\n  noticegen diff --format markdown > comment.md   a pull-request comment\n  noticegen diff --from 2025-01-01 --to 2026-01-01 --format json")
        {
            fromOption, toOption, noticeOption, audienceOption, formatOption,
        };
        command.SetAction(result => Program.Guard(stderr, strict: false, sink =>
        {
            var site = SiteFolder.Require(result.GetValue(siteOption)!);
            var working = new Lazy<ContentSet>(() => ContentLoader.LoadWorking(site, sink)); // only the draft and the HTML report need it
            var report = Compare(site, working, result.GetValue(fromOption), result.GetValue(toOption), result.GetValue(noticeOption), result.GetValue(audienceOption), sink);
            var color = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && string.IsNullOrEmpty(environment("NO_COLOR"));
            stdout.Write(result.GetValue(formatOption) switch
            {
                "json" => DiffFormats.JsonReport(report),
                "markdown" => DiffFormats.Markdown(report, RedlineUrl(working.Value, report)),
                "html" => Html(site, working.Value, report),
                _ => DiffFormats.Text(report, color),
            });
            return report.Changed ? 1 : 0;
        }));
        return command;
    }

    /// <summary>
    /// Renders both versions and compares them page by page. A page's "changed" uses the same test as the stamps, so a
    /// moved internal link alone never flags a change to legal text.
    /// </summary>
    public static DiffReport Compare(string site, Lazy<ContentSet> working, string? fromText, string? toText, string? noticeId, string? audienceId, DiagnosticSink? sink = null)
    {
        sink ??= new DiagnosticSink();
        var releases = ReleaseStore.LoadAll(site, sink: sink);
        var pool = new TemplateContextPool(ScribanLimits.Fragments);
        var parallel = new ParallelOptions();
        var from = fromText is null ? releases.LastOrDefault() : Find(releases, fromText, "--from");
        var before = from is null ? null : RenderedVersion.Render(from.Content, sink, pool, parallel);
        var to = toText is null || toText == Draft ? null : Find(releases, toText, "--to");
        var afterContent = to?.Content ?? working.Value;
        var after = RenderedVersion.Render(afterContent, sink, pool, parallel);
        sink.ThrowIfErrors();

        var keys = after.Pages.Select(p => p.Plan.Key).Concat(before?.Pages.Select(p => p.Plan.Key) ?? []).Distinct().ToList();
        CheckFilter(keys.Select(k => k.NoticeId), noticeId, "--notice", "notice");
        CheckFilter(keys.Select(k => k.AudienceId), audienceId, "--audience", "audience");
        var assessor = new MaterialChangeAssessor(site, working.IsValueCreated || to is null ? working.Value : afterContent);
        var pages = keys
            .Where(k => (noticeId is null || k.NoticeId == noticeId) && (audienceId is null || k.AudienceId == audienceId))
            .Select(k =>
            {
                var old = before?.Find(k);
                var @new = after.Find(k);
                var plan = (@new ?? old)!.Plan;
                var textBefore = RedlineService.ToText(old, plan.Notice.Title);
                var textAfter = RedlineService.ToText(@new, plan.Notice.Title);
                var diff = PageDiffer.Compare(textBefore, textAfter);
                var changed = PageComparer.Differs(old, @new);
                var entry = new RedlineEntry(k, plan.Notice, plan.Audience, from, to, old, @new ?? old!);
                var sections = diff.Sections.Where(s => s.HasChanges && !s.IsIntro).Select(s => s.Id).ToList();
                return new ComparedPage(k, plan.Notice.Title, plan.Audience.Name, changed, diff,
                    changed ? assessor.Assess(entry, sections) : new MaterialChangeReport([]));
            })
            .ToList();
        return DiffReport.Of(from is null ? "(nothing released)" : Dates.Iso(from.Effective), to is null ? Draft : Dates.Iso(to.Effective),
            pages, afterContent, from?.Content);
    }

    /// <summary>Where the full redline of a change to the draft is published (build --drafts), when the site says where it lives.</summary>
    private static string? RedlineUrl(ContentSet working, DiffReport report) =>
        working.Site.Site.BaseUrl is { Length: > 0 } baseUrl && report.To == Draft && report.Pages.FirstOrDefault(p => p.Changed) is { } page
            ? SiteLayout.Absolute(baseUrl, new SiteLayout(working.Site.Notices.ToDictionary(n => n.Id, n => n.Slug)).Redline(page.Key, null))
            : null;

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

    private static string Html(string site, ContentSet working, DiffReport report)
    {
        var templates = new SiteTemplates(site);
        var chrome = working.Site.Site;
        var layout = new SiteLayout(NoticeSlugs.Resolve(working.Site, ReleaseStore.LoadAll(site)));

        // One document holds every page's redline: prefixed ids keep them apart, absolute links (with base_url) keep them
        // working as an attachment.
        var changed = report.Pages.Where(p => p.Changed).Select((page, i) => (Page: page, Prefix: $"p{i + 1}-")).ToList();
        var stylesheet = templates.Assets().Where(a => a.OutputPath == SiteLayout.AssetsFolder + "style.css").Select(a => Encoding.UTF8.GetString(a.ReadBytes())).FirstOrDefault() ?? string.Empty;
        var model = PageModels.Page(PageModels.Site(chrome), ScriptData.Object(
            ("kind", "diff"),
            ("title", $"Changes {report.From} → {report.To}"),
            ("root", string.Empty),
            ("stylesheet", stylesheet),
            ("pages", ScriptData.Array(changed, x =>
            {
                var sections = x.Page.Diff.Sections.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
                var links = new LinkContext(string.Empty, x.Page.Key, layout.Page, sections.Contains, x.Prefix, chrome.BaseUrl);
                return ScriptData.Object(
                    ("notice", x.Page.NoticeTitle), ("audience", x.Page.AudienceName), ("from", report.From), ("to", report.To),
                    ("summary_text", x.Page.Diff.Summary.Describe()),
                    ("redline_html", LinkResolver.Resolve(RedlineHtml.Render(x.Page.Diff, x.Prefix), links)));
            }))));
        return templates.Render("diff.sbn", model);
    }
}
