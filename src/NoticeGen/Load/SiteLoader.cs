using NoticeGen.Check;

namespace NoticeGen.Load;

/// <summary>
/// Reads site.yml into a <see cref="SiteModel"/>, checking every key, id and name it holds. Free-form values live only
/// under 'params:', so a mistyped key ('numberd', 'baseurl') is an error with a suggestion, never a silent parameter.
/// </summary>
public static class SiteLoader
{
    public const string FileName = "site.yml";

    private static readonly string[] TopKeys = ["site", "jurisdictions", "audiences", "notices", "checks"];
    private static readonly string[] SiteKeys = ["title", "base_url", "intro", "lang", "feed_entries", "params"];
    private static readonly string[] JurisdictionKeys = ["name", "laws"];
    private static readonly string[] AudienceKeys = ["id", "name", "jurisdictions", "group"];
    private static readonly string[] NoticeKeys = ["id", "title", "slug", "intro", "numbered", "sections", "params", "sources"];

    /// <summary>Members templates already see on site and notice objects: a parameter may not hide them.</summary>
    private static readonly string[] SiteMembers = ["title", "lang"];
    private static readonly string[] NoticeMembers = ["id", "title", "slug"];

    private static readonly string[] SourceKinds = ["person", "others"];

    /// <summary>Audience ids the output layout uses for other folders beside a notice's audience folders.</summary>
    private static readonly IReadOnlyList<string> ReservedAudienceIds = Output.SiteLayout.ReservedAudienceIds;

    /// <summary>Folders at the top of the output that are not notices.</summary>
    private static readonly IReadOnlyList<string> ReservedSlugs = Output.SiteLayout.ReservedSlugs;

    /// <summary>
    /// Reads site.yml. <paramref name="snapshot"/> is set for the copies of site.yml that releases keep: those written
    /// before 'params:' existed hold their parameters as plain keys, and an archive is never rewritten.
    /// <paramref name="parse"/> may give the YAML of a text parsed before (the release archive keeps one per distinct snapshot).
    /// </summary>
    public static SiteModel Load(string text, string file = FileName, bool snapshot = false, Func<string, string, YNode?>? parse = null)
    {
        var start = SourceSpan.StartOf(file);
        var document = parse is null ? SafeYaml.Parse(text, file) : parse(text, file);
        if (document is null or YScalar { Value: "" })
        {
            throw new UserErrorException(Codes.InvalidValue.At(start, $"{file} is empty.",
                "Write its four sections, site:, jurisdictions:, audiences: and notices: (the README shows an example)."));
        }

        var root = YamlRead.Mapping(document, file, start);
        var diagnostics = new DiagnosticSink();
        RejectUnknownKeys(root, TopKeys, "site.yml", diagnostics, "site.yml has five sections: site, jurisdictions, audiences, notices and checks.");

        // Each part, and each audience and notice, is read on its own, so one run reports every mistake in the file.
        var site = diagnostics.Collect(() => ReadSite(YamlRead.Mapping(root.Get("site"), "'site'", start), snapshot, diagnostics));
        var jurisdictions = diagnostics.Collect(() => ReadJurisdictions(root.Get("jurisdictions"), start, diagnostics)) ?? [];
        var known = jurisdictions.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        var audiences = diagnostics.Collect(() => ReadAudiences(root.Get("audiences"), known, diagnostics)) ?? [];
        var notices = diagnostics.Collect(() => ReadNotices(root.Get("notices"), start, snapshot, diagnostics)) ?? [];
        var checks = diagnostics.Collect(() => ReadChecks(root.Get("checks"), diagnostics)) ?? new Dictionary<string, CheckSetting>();
        diagnostics.ThrowIfErrors();
        return new SiteModel(site!, jurisdictions, audiences, notices) { Checks = checks };
    }

    /// <summary>
    /// What makes an absolute http(s) URL unfit to have page paths appended to it as written: a query or fragment would
    /// swallow the path (https://example.com/?a#b/sitemap.xml), a user name and password would be published on every
    /// page, a space, quote or angle bracket would break the sitemap, robots.txt and feed lines it is written into, and an
    /// invisible character (a right-to-left override) would make the address read as another one.
    /// </summary>
    private static string? BaseUrlFlaw(string baseUrl)
    {
        var uri = new Uri(baseUrl, UriKind.Absolute);
        return baseUrl.IndexOfAny(['?', '#']) >= 0 ? "has a query or fragment ('?' or '#'), which the pages' addresses would be written into"
            : uri.UserInfo.Length > 0 ? "holds a user name or password, which would be published in every feed and sitemap"
            : baseUrl.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format || c is '"' or '<' or '>' or '\\' or '`' or '{' or '}' or '|' or '^')
                ? "holds a character a URL cannot hold as written (a space, quote, angle bracket, control or invisible formatting character; percent-encode it)"
                : null;
    }

    private static SiteInfo ReadSite(YMapping map, bool snapshot, DiagnosticSink diagnostics)
    {
        var legacy = snapshot && map.Get("params") is null;
        if (!legacy)
        {
            RejectUnknownKeys(map, SiteKeys, "'site'", diagnostics, "Put free-form values under 'params:'.");
        }

        var title = YamlRead.RequiredString(map, "title", "'site'");
        var intro = YamlRead.OptionalString(map, "intro");
        var baseUrl = YamlRead.OptionalString(map, "base_url");
        if (!string.IsNullOrWhiteSpace(baseUrl)
            && !(Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0))
        {
            diagnostics.Report(Codes.BaseUrl, map.Get("base_url")!.Where, $"base_url '{baseUrl}' is not an absolute http: or https: URL.",
                "Write the address the site is published at, e.g. base_url: https://example.com/legal/privacy/ (feeds and sitemaps need it whole).");
        }
        else if (!string.IsNullOrWhiteSpace(baseUrl) && BaseUrlFlaw(baseUrl.Trim()) is { } flaw)
        {
            diagnostics.Report(Codes.BaseUrl, map.Get("base_url")!.Where, $"base_url '{baseUrl}' {flaw}.",
                "Write only the address the site is published at, e.g. base_url: https://example.com/legal/privacy/ (every page's address is written after it).");
        }

        var language = YamlRead.OptionalString(map, "lang")?.Trim() ?? "en";
        if (language.Length is 0 or > 35 || !language.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            diagnostics.Report(Codes.InvalidValue, map.Get("lang")!.Where, $"'{language}' is not a language tag.", "Write a tag such as en, en-GB, de or pt-BR.");
        }

        var feedEntries = 20;
        if (YamlRead.OptionalString(map, "feed_entries") is { } entriesText
            && !(int.TryParse(entriesText.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out feedEntries) && feedEntries is >= 1 and <= 10_000))
        {
            diagnostics.Report(Codes.InvalidValue, map.Get("feed_entries")!.Where, $"feed_entries '{entriesText}' is not a number of entries from 1 to 10000.",
                "Write how many of the latest releases each feed keeps, e.g. feed_entries: 20.");
            feedEntries = 20;
        }

        var parameters = legacy ? YamlRead.Params(map, new HashSet<string>(SiteKeys)) : Params(map, SiteMembers, "site");
        return new SiteInfo(title, string.IsNullOrWhiteSpace(baseUrl) ? null : baseUrl.Trim(), string.IsNullOrWhiteSpace(intro) ? null : intro.Trim(), parameters)
        {
            Language = language,
            FeedEntries = feedEntries,
            ParamSpans = legacy ? [] : ParamSpans(map),
            IntroWhere = map.Get("intro")?.Where,
        };
    }

    private static List<Jurisdiction> ReadJurisdictions(YNode? node, SourceSpan fallback, DiagnosticSink diagnostics)
    {
        if (node is null or YScalar { Value: "" })
        {
            return []; // a site for one readership needs none
        }

        var map = YamlRead.Mapping(node, "'jurisdictions'", fallback);
        var result = new List<Jurisdiction>();
        foreach (var (key, value) in map.Entries)
        {
            diagnostics.Collect(() =>
            {
                RequireId(key, "jurisdiction");
                if (value is YMapping details)
                {
                    // The long form: 'eu: {name: EU/EEA, laws: [gdpr]}'.
                    RejectUnknownKeys(details, JurisdictionKeys, $"jurisdiction '{key.Value}'", diagnostics, "Write 'name:' and, optionally, 'laws: [...]'.");
                    var name = YamlRead.RequiredString(details, "name", $"Jurisdiction '{key.Value}'");
                    var laws = details.Get("laws") is null ? null : YamlRead.Words(details, "laws");
                    result.Add(new Jurisdiction(key.Value, name)
                    {
                        Laws = laws?.Select(l => l.Value).ToList(),
                        LawsWhere = details.Get("laws")?.Where,
                        Where = key.Where,
                    });
                    return key;
                }

                if (value is not YScalar scalar || string.IsNullOrWhiteSpace(scalar.Value))
                {
                    throw new UserErrorException(Codes.InvalidValue.At(value.Where, $"Jurisdiction '{key.Value}' needs a display name.",
                        $"Write '{key.Value}: Display Name', or '{key.Value}: {{name: Display Name, laws: [law-id]}}'."));
                }

                result.Add(new Jurisdiction(key.Value, scalar.Value.Trim()) { Where = key.Where });
                return key;
            });
        }

        return result;
    }

    private static List<Audience> ReadAudiences(YNode? node, HashSet<string> jurisdictions, DiagnosticSink diagnostics)
    {
        if (node is null or YScalar { Value: "" })
        {
            return [];
        }

        if (node is not YSequence list)
        {
            throw new UserErrorException(Codes.InvalidValue.At(node.Where, "'audiences' must be a list.", "Start each audience with '- id: ...'."));
        }

        var result = new List<Audience>();
        foreach (var item in list.Items)
        {
            diagnostics.Collect(() =>
            {
                var map = YamlRead.Mapping(item, "An audience", item.Where);
                RejectUnknownKeys(map, AudienceKeys, "an audience", diagnostics);
                var id = YamlRead.RequiredString(map, "id", "This audience");
                RequireId(map.Get("id")!, "audience");
                if (ReservedAudienceIds.Contains(id))
                {
                    throw new UserErrorException(Codes.InvalidId.At(map.Get("id")!.Where, $"The audience id '{id}' is reserved ({string.Join(", ", ReservedAudienceIds)} name other pages).",
                        "Choose another id; the full notice is published for everyone without being listed."));
                }

                if (result.Any(a => a.Id == id))
                {
                    throw new UserErrorException(Codes.DuplicateId.At(map.Get("id")!.Where, $"The audience '{id}' is defined twice.", "Give each audience its own id."));
                }

                var tags = YamlRead.Words(map, "jurisdictions");
                foreach (var tag in tags.Where(t => !jurisdictions.Contains(t.Value)))
                {
                    throw new UserErrorException(Codes.UnknownName.At(tag.Where, $"Unknown jurisdiction '{tag.Value}' in audience '{id}'.{Spelling.DidYouMean(tag.Value, jurisdictions)}",
                        $"Use one of: {string.Join(", ", jurisdictions)}; or add it under 'jurisdictions'."));
                }

                if (tags.Count == 0)
                {
                    throw new UserErrorException(Codes.InvalidValue.At(map.Where, $"Audience '{id}' names no jurisdictions.", "Add 'jurisdictions: [id, ...]'."));
                }

                var group = YamlRead.OptionalString(map, "group")?.Trim();
                result.Add(new Audience(id, YamlRead.RequiredString(map, "name", $"Audience '{id}'"), tags.Select(t => t.Value).ToList())
                {
                    Group = string.IsNullOrEmpty(group) ? null : group,
                });
                return item;
            });
        }

        return result;
    }

    private static List<Notice> ReadNotices(YNode? node, SourceSpan fallback, bool snapshot, DiagnosticSink diagnostics)
    {
        if (node is not YSequence list || list.Items.Count == 0)
        {
            throw new UserErrorException(Codes.InvalidValue.At(node?.Where ?? fallback, "'notices' must list at least one notice.",
                "Add '- id: ...' entries under 'notices'."));
        }

        var result = new List<Notice>();
        foreach (var item in list.Items)
        {
            diagnostics.Collect(() =>
            {
                var map = YamlRead.Mapping(item, "A notice", item.Where);
                var legacy = snapshot && map.Get("params") is null;
                if (!legacy)
                {
                    RejectUnknownKeys(map, NoticeKeys, "a notice", diagnostics, "Put free-form values under 'params:'.");
                }

                var id = YamlRead.RequiredString(map, "id", "This notice");
                RequireId(map.Get("id")!, "notice");
                if (result.Any(n => n.Id == id))
                {
                    throw new UserErrorException(Codes.DuplicateId.At(map.Get("id")!.Where, $"The notice '{id}' is defined twice.", "Give each notice its own id."));
                }

                var slug = YamlRead.OptionalString(map, "slug") ?? id;
                if (!Ids.IsId(slug))
                {
                    throw new UserErrorException(Codes.InvalidId.At(map.Get("slug")!.Where, $"The slug '{slug}' cannot be a URL segment.",
                        "Use lowercase letters, digits and hyphens."));
                }

                if (ReservedSlugs.Contains(slug))
                {
                    throw new UserErrorException(Codes.InvalidId.At(map.Get("slug")?.Where ?? map.Get("id")!.Where, $"A notice cannot be published at /{slug}/: that folder holds {(slug == "changes" ? "the site's changelog" : "the stylesheet")}.",
                        "Give the notice another id, or a 'slug:' of its own."));
                }

                if (result.Any(n => n.Slug == slug))
                {
                    throw new UserErrorException(Codes.DuplicateId.At(map.Get("slug")?.Where ?? map.Where, $"Two notices would be published at /{slug}/.",
                        "Give each notice its own slug."));
                }

                var sources = YamlRead.Words(map, "sources");
                foreach (var source in sources.Where(s => !SourceKinds.Contains(s.Value)))
                {
                    throw new UserErrorException(Codes.InvalidValue.At(source.Where, $"'{source.Value}' is not a source of personal data.{Spelling.DidYouMean(source.Value, SourceKinds)}",
                        "Write 'sources: [person]' (data the reader gives), [others] (data from others) or [person, others]."));
                }

                var sections = YamlRead.Words(map, "sections").Select(s => new SectionRef(s.Value, s.Where)).ToList();
                var parameters = legacy ? YamlRead.Params(map, new HashSet<string>(NoticeKeys)) : Params(map, NoticeMembers, "notice");
                result.Add(new Notice(id, YamlRead.RequiredString(map, "title", $"Notice '{id}'"), slug, YamlRead.OptionalString(map, "intro"),
                    YamlRead.OptionalBool(map, "numbered", true), sections, parameters, map.Where)
                {
                    Sources = sources.Count == 0 ? SourceKinds : sources.Select(s => s.Value).Distinct().ToList(),
                    ParamSpans = legacy ? [] : ParamSpans(map),
                    IntroWhere = map.Get("intro")?.Where,
                });
                return item;
            });
        }

        return result;
    }

    /// <summary>'checks:': each warning code set to off, warning or error; errors cannot be lowered.</summary>
    private static Dictionary<string, CheckSetting> ReadChecks(YNode? node, DiagnosticSink diagnostics)
    {
        var result = new Dictionary<string, CheckSetting>(StringComparer.Ordinal);
        if (node is null)
        {
            return result;
        }

        var map = YamlRead.Mapping(node, "'checks'", node.Where);
        foreach (var (key, value) in map.Entries)
        {
            var code = Codes.Find(key.Value);
            if (code is null)
            {
                diagnostics.Report(Codes.CheckConfig, key.Where, $"'{key.Value}' is not a check code.{Spelling.DidYouMean(key.Value, Codes.All.Select(c => c.Code))}",
                    "Use a code from 'noticegen check --list', e.g. NG5001: off.");
                continue;
            }

            var setting = (value as YScalar)?.Value.Trim().ToLowerInvariant() switch
            {
                "off" or "false" => (CheckSetting?)CheckSetting.Off,
                "warning" => CheckSetting.Warning,
                "error" => CheckSetting.Error,
                _ => null,
            };
            if (setting is null)
            {
                diagnostics.Report(Codes.CheckConfig, value.Where, $"'{(value as YScalar)?.Value}' is not a setting for {code.Code}.", "Write off, warning or error.");
            }
            else if (code.DefaultSeverity == Severity.Error && setting != CheckSetting.Error)
            {
                diagnostics.Report(Codes.CheckConfig, value.Where, $"{code.Code} ({code.Name}) is an error and cannot be turned into a warning or off.",
                    "Fix what it reports; only warnings can be turned off or raised.");
            }
            else
            {
                result[code.Code] = setting.Value;
            }
        }

        return result;
    }

    /// <summary>The 'params:' mapping: names a template can use, each a single value, none hiding a built-in member.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> Params(YMapping owner, string[] members, string what)
    {
        if (owner.Get("params") is not { } node)
        {
            return [];
        }

        var map = YamlRead.Mapping(node, "'params'", node.Where);
        foreach (var key in map.Entries.Select(e => e.Key).Where(k => members.Contains(k.Value)))
        {
            throw new UserErrorException(Codes.InvalidId.At(key.Where, $"The parameter '{key.Value}' would hide {what}.{key.Value}.",
                $"Choose another name; {what}.{key.Value} is set by '{key.Value}:' itself."));
        }

        return YamlRead.Params(map, new HashSet<string>());
    }

    private static IReadOnlyList<KeyValuePair<string, SourceSpan>> ParamSpans(YMapping owner) =>
        owner.Get("params") is YMapping map ? YamlRead.ParamSpans(map, new HashSet<string>()) : [];

    private static void RequireId(YNode node, string what)
    {
        if (node is not YScalar { Value: var value } || !Ids.IsId(value))
        {
            throw new UserErrorException(Codes.InvalidId.At(node.Where, $"'{(node as YScalar)?.Value}' is not a valid {what} id.",
                "Use lowercase letters, digits and hyphens, starting with a letter (e.g. california)."));
        }
    }

    /// <summary>Reports every key not in <paramref name="allowed"/>, with the known key it is probably a typo of.</summary>
    public static void RejectUnknownKeys(YMapping map, IReadOnlyList<string> allowed, string owner, DiagnosticSink diagnostics, string? hint = null)
    {
        foreach (var key in map.Entries.Select(e => e.Key).Where(k => !allowed.Contains(k.Value)))
        {
            var suggestion = Spelling.DidYouMean(key.Value, allowed);
            diagnostics.Report(Codes.UnknownKey, key.Where, $"Unknown key '{key.Value}' in {owner}.{suggestion}",
                suggestion.Length > 0 ? $"Correct it (allowed: {string.Join(", ", allowed)})." : hint ?? $"Allowed keys: {string.Join(", ", allowed)}.");
        }
    }
}
