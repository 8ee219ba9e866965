using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using NoticeGen.Build;
using NoticeGen.Compose;
using NoticeGen.History;
using NoticeGen.Load;
using NoticeGen.Releases;
using NoticeGen.Render;

namespace NoticeGen.Output;

/// <summary>
/// The machine-readable side of the site, for the tools around a notice (consent banners recording which version a
/// person saw, archives, monitors): each page's JSON twin, and notices.json listing every notice x audience x version with
/// its address, status, dates and the SHA-256 of its text (see <see cref="PageText"/>).
/// </summary>
public sealed class PageRecords(SiteBuild build)
{
    public const string NoticesFile = "notices.json";

    /// <summary>notices.json's schema, published with the site so the file names it by a relative address.</summary>
    public const string SchemaFile = SiteLayout.AssetsFolder + "notices.schema.json";

    /// <summary>The schema's text, as shipped with the tool.</summary>
    public static string Schema()
    {
        using var stream = typeof(PageRecords).Assembly.GetManifestResourceStream("NoticeGen.Schemas.notices.schema.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The file beside a page's index.html that holds the same page as data.</summary>
    public const string TwinFile = "index.json";

    private readonly PageText _text = new();
    // Keyed by the page object itself: comparing records by value would hash every page's HTML to look one up.
    private readonly ConcurrentDictionary<(RenderedPage Page, DateOnly? LastUpdated), string> _hashes = new(new SamePageVersion());
    private readonly SiteLayout _layout = build.Layout;

    // Buffers for twins, each used by one twin at a time (see WriteTwin).
    private readonly ConcurrentBag<ArrayBufferWriter<byte>> _buffers = [];

    /// <summary>The sections of a page version as published: heading, text and (for the twin) HTML for its folder.</summary>
    public IReadOnlyList<(RenderedSection Section, string Text)> Sections(RenderedPage page, DateOnly? lastUpdated) =>
        page.Sections.Select(s => (s, _text.Plain(Stamped(s.Html, lastUpdated)))).ToList();

    /// <summary>The SHA-256 of a page version's text, computed once for its twin and notices.json.</summary>
    public string Hash(RenderedPage page, DateOnly? lastUpdated) => Hash(page, lastUpdated, null);

    private string Hash(RenderedPage page, DateOnly? lastUpdated, IReadOnlyList<(RenderedSection Section, string Text)>? sections) =>
        _hashes.GetOrAdd((page, lastUpdated), k => PageText.Hash(k.Page.Plan.Notice.Title, (sections ?? Sections(k.Page, k.LastUpdated)).Select(s => (s.Section.Heading, s.Text))));

    /// <summary>Writes a page's JSON twin into <paramref name="path"/>: what it is, its dates and hash, and its sections with ids, numbers, titles, text and HTML.</summary>
    /// <remarks>
    /// Written straight to UTF-8 (the same bytes as <see cref="JsonText"/> gives), as twins are as many as pages, in a
    /// buffer that one twin at a time reuses: a 64 KB array grown and copied for every twin was a fifth of what a 1k
    /// build allocated.
    /// </remarks>
    public void WriteTwin(StagingFolder files, string path, RenderedPage page, string status, Release? release, VersionLocation location, Func<string, string> html)
    {
        var buffer = _buffers.TryTake(out var reused) ? reused : new ArrayBufferWriter<byte>(64 * 1024);
        try
        {
            Twin(buffer, page, status, release, location, html);
            files.Write(path, buffer.WrittenSpan);
        }
        finally
        {
            buffer.ResetWrittenCount();
            _buffers.Add(buffer);
        }
    }

    private void Twin(ArrayBufferWriter<byte> buffer, RenderedPage page, string status, Release? release, VersionLocation location, Func<string, string> html)
    {
        var key = page.Plan.Key;
        var stamp = release is null ? null : build.Histories.GetValueOrDefault(key)?.At(release)?.Stamp;
        var sections = Sections(page, stamp?.LastUpdated);
        using (var json = new Utf8JsonWriter(buffer, JsonText.WriterOptions(indented: true)))
        {
            json.WriteStartObject();
            json.WriteString("notice", key.NoticeId);
            json.WriteString("audience", key.AudienceId);
            json.WriteString("title", page.Plan.Notice.Title);
            json.WriteString("audienceName", page.Plan.Audience.Name);
            json.WriteString("status", status);
            json.WriteString("version", release is null ? "draft" : Dates.Iso(release.Effective));
            json.WriteString("path", _layout.Page(key, location));
            WriteIf(json, "lastUpdated", stamp is null ? null : Dates.Iso(stamp.LastUpdated));
            WriteIf(json, "lastReviewed", stamp?.LastReviewed is { } reviewed ? Dates.Iso(reviewed) : null);
            json.WriteString("sha256", Hash(page, stamp?.LastUpdated, sections));
            json.WriteStartArray("sections");
            foreach (var (section, text) in sections)
            {
                json.WriteStartObject();
                json.WriteString("id", section.Id);
                if (section.Number is { } number)
                {
                    json.WriteNumber("number", number);
                }

                WriteIf(json, "title", section.Title);
                WriteIf(json, "heading", section.Heading);
                json.WriteString("text", text);
                json.WriteString("html", html(section.Html));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.Write("\n"u8);
    }

    private static void WriteIf(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>
    /// Every notice, each of its audience pages, and each version of each page: path (and URL with base_url), status,
    /// effective date, last-updated and last-reviewed dates, and the SHA-256 of its text. Validated against notices.schema.json.
    /// </summary>
    public string Notices()
    {
        var timeline = build.Timeline;
        var baseUrl = build.Chrome.BaseUrl;
        var notices = new JsonArray();
        var keys = build.Histories.Keys.Concat(build.Draft.Pages.Select(p => p.Plan.Key)).Distinct().ToList();
        foreach (var notice in keys.GroupBy(k => k.NoticeId).OrderBy(g => NoticeOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var pages = new JsonArray();
            foreach (var key in notice.OrderBy(k => k.IsFullNotice ? 0 : 1).ThenBy(k => AudienceOrder(k.AudienceId)).ThenBy(k => k.AudienceId, StringComparer.Ordinal))
            {
                var history = build.Histories.GetValueOrDefault(key);
                var versions = new JsonArray();
                foreach (var version in history?.Versions ?? [])
                {
                    var release = version.Release;
                    var path = _layout.Page(key, VersionLocation.Dated(release.Effective));
                    versions.Add((JsonNode)new JsonObject
                    {
                        ["version"] = Dates.Iso(release.Effective),
                        ["status"] = timeline.StatusOf(release) switch { ReleaseStatus.InForce => "in-force", ReleaseStatus.Upcoming => "upcoming", _ => "archived" },
                        ["effective"] = Dates.Iso(release.Effective),
                        ["inForceUntil"] = timeline.Next(release) is { } next ? Dates.Iso(next.Effective) : null,
                        ["lastUpdated"] = Dates.Iso(version.Stamp.LastUpdated),
                        ["lastReviewed"] = version.Stamp.LastReviewed is { } reviewed ? Dates.Iso(reviewed) : null,
                        ["changed"] = version.Changed,
                        ["path"] = path,
                        ["url"] = baseUrl is { Length: > 0 } ? SiteLayout.Absolute(baseUrl, path) : null,
                        ["sha256"] = Hash(version.Page, version.Stamp.LastUpdated),
                    });
                }

                if ((build.ShowsDraftBeside || build.CurrentIsDraft) && build.Draft.Find(key) is { } draft)
                {
                    var path = _layout.Page(key, build.CurrentIsDraft ? VersionLocation.Current : VersionLocation.Draft);
                    versions.Add((JsonNode)new JsonObject
                    {
                        ["version"] = "draft",
                        ["status"] = "draft",
                        ["path"] = path,
                        ["url"] = baseUrl is { Length: > 0 } ? SiteLayout.Absolute(baseUrl, path) : null,
                        ["sha256"] = Hash(draft, null),
                    });
                }

                var plan = history?.Latest.Page.Plan ?? build.Draft.Find(key)!.Plan;
                pages.Add((JsonNode)new JsonObject
                {
                    ["audience"] = key.AudienceId,
                    ["name"] = plan.Audience.Name,
                    ["jurisdictions"] = new JsonArray([.. plan.Audience.Jurisdictions.Select(j => (JsonNode)JsonValue.Create(j)!)]),
                    ["current"] = build.CurrentPages.Contains(key) ? new JsonObject
                    {
                        ["version"] = timeline.Current is { } inForce ? Dates.Iso(inForce.Effective) : "draft",
                        ["path"] = _layout.Page(key),
                        ["url"] = baseUrl is { Length: > 0 } ? SiteLayout.Absolute(baseUrl, _layout.Page(key)) : null,
                    } : null,
                    ["versions"] = versions,
                });
            }

            var title = build.Histories.Where(h => h.Key.NoticeId == notice.Key).Select(h => h.Value.Latest.Page.Plan.Notice.Title).FirstOrDefault()
                ?? build.Draft.Pages.First(p => p.Plan.Key.NoticeId == notice.Key).Plan.Notice.Title;
            notices.Add((JsonNode)new JsonObject { ["id"] = notice.Key, ["title"] = title, ["pages"] = pages });
        }

        var root = new JsonObject
        {
            ["$schema"] = SchemaFile,
            ["site"] = new JsonObject { ["title"] = build.Chrome.Title, ["baseUrl"] = baseUrl },
            ["buildDate"] = Dates.Iso(build.Request.Today),
            ["inForce"] = timeline.Current is { } current ? Dates.Iso(current.Effective) : null,
            ["notices"] = notices,
        };
        return Write(root);
    }

    /// <summary>The text of {{ page.last_updated }} as the published page shows it.</summary>
    private static string Stamped(string html, DateOnly? lastUpdated) =>
        html.Contains(Placeholders.LastUpdated, StringComparison.Ordinal)
            ? html.Replace(Placeholders.LastUpdated, lastUpdated is { } date ? Dates.Long(date) : "(not yet released)", StringComparison.Ordinal)
            : html;

    private int NoticeOrder(string id)
    {
        var index = build.Working.Site.Notices.ToList().FindIndex(n => n.Id == id);
        return index < 0 ? int.MaxValue : index;
    }

    private int AudienceOrder(string id)
    {
        var index = build.Working.Site.Audiences.ToList().FindIndex(a => a.Id == id);
        return index < 0 ? int.MaxValue : index;
    }

    private static string Write(JsonObject root) => JsonText.Write(root, indented: true);

    /// <summary>The same page object on the same date: records compared by value would hash every page's HTML.</summary>
    private sealed class SamePageVersion : IEqualityComparer<(RenderedPage Page, DateOnly? LastUpdated)>
    {
        public bool Equals((RenderedPage Page, DateOnly? LastUpdated) x, (RenderedPage Page, DateOnly? LastUpdated) y) =>
            ReferenceEquals(x.Page, y.Page) && x.LastUpdated == y.LastUpdated;

        public int GetHashCode((RenderedPage Page, DateOnly? LastUpdated) obj) =>
            HashCode.Combine(ReferenceEqualityComparer.Instance.GetHashCode(obj.Page), obj.LastUpdated);
    }
}
