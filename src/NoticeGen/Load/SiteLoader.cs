using NoticeGen.Check;

namespace NoticeGen.Load;

/// <summary>Reads site.yml into a <see cref="SiteModel"/>, checking every id it defines or names.</summary>
public static class SiteLoader
{
    public const string FileName = "site.yml";

    private static readonly HashSet<string> TopKeys = ["site", "jurisdictions", "audiences", "notices"];
    private static readonly HashSet<string> SiteReserved = ["intro", "base_url"];
    private static readonly HashSet<string> NoticeReserved = ["id", "title", "slug", "intro", "numbered", "sections"];
    private static readonly HashSet<string> AudienceKeys = ["id", "name", "jurisdictions"];

    /// <summary>Audience ids the output layout uses for other folders beside a notice's audience folders.</summary>
    private static readonly IReadOnlyList<string> ReservedAudienceIds = Output.SiteLayout.ReservedAudienceIds;

    /// <summary>Folders at the top of the output that are not notices.</summary>
    private static readonly IReadOnlyList<string> ReservedSlugs = Output.SiteLayout.ReservedSlugs;

    public static SiteModel Load(string text, string file = FileName)
    {
        var start = SourceSpan.StartOf(file);
        var root = YamlRead.Mapping(SafeYaml.Parse(text, file), file, start);
        foreach (var key in root.Entries.Select(e => e.Key).Where(k => !TopKeys.Contains(k.Value)))
        {
            throw new UserErrorException(Diagnostic.Error(key.Where, $"Unknown top-level key '{key.Value}'.",
                "site.yml has four sections: site, jurisdictions, audiences and notices."));
        }

        // Each part, and each audience and notice, is read on its own, so one run reports every mistake in the file.
        var diagnostics = new DiagnosticBag();
        var site = Collect(diagnostics, () => ReadSite(YamlRead.Mapping(root.Get("site"), "'site'", start)));
        var jurisdictions = Collect(diagnostics, () => ReadJurisdictions(root.Get("jurisdictions"), start)) ?? [];
        var known = jurisdictions.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        var audiences = Collect(diagnostics, () => ReadAudiences(root.Get("audiences"), known, diagnostics)) ?? [];
        var notices = Collect(diagnostics, () => ReadNotices(root.Get("notices"), start, diagnostics)) ?? [];
        diagnostics.ThrowIfErrors();
        return new SiteModel(site!, jurisdictions, audiences, notices);
    }

    private static T? Collect<T>(DiagnosticBag diagnostics, Func<T> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (UserErrorException ex)
        {
            foreach (var diagnostic in ex.Diagnostics)
            {
                diagnostics.Add(diagnostic);
            }

            return null;
        }
    }

    private static SiteInfo ReadSite(YMapping map)
    {
        var title = YamlRead.RequiredString(map, "title", "'site'");
        var intro = YamlRead.OptionalString(map, "intro");
        return new SiteInfo(title, YamlRead.OptionalString(map, "base_url"), string.IsNullOrWhiteSpace(intro) ? null : intro.Trim(),
            YamlRead.Params(map, SiteReserved));
    }

    private static List<Jurisdiction> ReadJurisdictions(YNode? node, SourceSpan fallback)
    {
        var map = YamlRead.Mapping(node, "'jurisdictions'", fallback);
        var result = new List<Jurisdiction>();
        foreach (var (key, value) in map.Entries)
        {
            RequireId(key, "jurisdiction");
            if (value is not YScalar name || string.IsNullOrWhiteSpace(name.Value))
            {
                throw new UserErrorException(Diagnostic.Error(value.Where, $"Jurisdiction '{key.Value}' needs a display name.",
                    $"Write '{key.Value}: Display Name'."));
            }

            result.Add(new Jurisdiction(key.Value, name.Value.Trim()));
        }

        return result;
    }

    private static List<Audience> ReadAudiences(YNode? node, HashSet<string> jurisdictions, DiagnosticBag diagnostics)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not YSequence list)
        {
            throw new UserErrorException(Diagnostic.Error(node.Where, "'audiences' must be a list.", "Start each audience with '- id: ...'."));
        }

        var result = new List<Audience>();
        foreach (var item in list.Items)
        {
            Collect(diagnostics, () =>
            {
                var map = YamlRead.Mapping(item, "An audience", item.Where);
                RejectUnknownKeys(map, AudienceKeys, "an audience");
                var id = YamlRead.RequiredString(map, "id", "This audience");
                RequireId(map.Get("id")!, "audience");
                if (ReservedAudienceIds.Contains(id))
                {
                    throw new UserErrorException(Diagnostic.Error(map.Get("id")!.Where, $"The audience id '{id}' is reserved ({string.Join(", ", ReservedAudienceIds)} name other pages).",
                        "Choose another id; the full notice is published for everyone without being listed."));
                }

                if (result.Any(a => a.Id == id))
                {
                    throw new UserErrorException(Diagnostic.Error(map.Get("id")!.Where, $"The audience '{id}' is defined twice.", "Give each audience its own id."));
                }

                var tags = YamlRead.Words(map, "jurisdictions");
                foreach (var tag in tags.Where(t => !jurisdictions.Contains(t.Value)))
                {
                    throw new UserErrorException(Diagnostic.Error(tag.Where, $"Unknown jurisdiction '{tag.Value}' in audience '{id}'.",
                        $"Use one of: {string.Join(", ", jurisdictions)}; or add it under 'jurisdictions'."));
                }

                if (tags.Count == 0)
                {
                    throw new UserErrorException(Diagnostic.Error(map.Where, $"Audience '{id}' names no jurisdictions.", "Add 'jurisdictions: [id, ...]'."));
                }

                result.Add(new Audience(id, YamlRead.RequiredString(map, "name", $"Audience '{id}'"), tags.Select(t => t.Value).ToList()));
                return item;
            });
        }

        return result;
    }

    private static List<Notice> ReadNotices(YNode? node, SourceSpan fallback, DiagnosticBag diagnostics)
    {
        if (node is not YSequence list || list.Items.Count == 0)
        {
            throw new UserErrorException(Diagnostic.Error(node?.Where ?? fallback, "'notices' must list at least one notice.",
                "Add '- id: ...' entries under 'notices'."));
        }

        var result = new List<Notice>();
        foreach (var item in list.Items)
        {
            Collect(diagnostics, () =>
            {
                var map = YamlRead.Mapping(item, "A notice", item.Where);
                var id = YamlRead.RequiredString(map, "id", "This notice");
                RequireId(map.Get("id")!, "notice");
                if (result.Any(n => n.Id == id))
                {
                    throw new UserErrorException(Diagnostic.Error(map.Get("id")!.Where, $"The notice '{id}' is defined twice.", "Give each notice its own id."));
                }

                var slug = YamlRead.OptionalString(map, "slug") ?? id;
                if (!Ids.IsId(slug))
                {
                    throw new UserErrorException(Diagnostic.Error(map.Get("slug")!.Where, $"The slug '{slug}' cannot be a URL segment.",
                        "Use lowercase letters, digits and hyphens."));
                }

                if (ReservedSlugs.Contains(slug))
                {
                    throw new UserErrorException(Diagnostic.Error(map.Get("slug")?.Where ?? map.Get("id")!.Where, $"A notice cannot be published at /{slug}/: that folder holds {(slug == "changes" ? "the site's changelog" : "the stylesheet")}.",
                        "Give the notice another id, or a 'slug:' of its own."));
                }

                if (result.Any(n => n.Slug == slug))
                {
                    throw new UserErrorException(Diagnostic.Error(map.Get("slug")?.Where ?? map.Where, $"Two notices would be published at /{slug}/.",
                        "Give each notice its own slug."));
                }

                var sections = YamlRead.Words(map, "sections").Select(s => new SectionRef(s.Value, s.Where)).ToList();
                result.Add(new Notice(id, YamlRead.RequiredString(map, "title", $"Notice '{id}'"), slug, YamlRead.OptionalString(map, "intro"),
                    YamlRead.OptionalBool(map, "numbered", true), sections, YamlRead.Params(map, NoticeReserved), map.Where));
                return item;
            });
        }

        return result;
    }

    private static void RequireId(YNode node, string what)
    {
        if (node is not YScalar { Value: var value } || !Ids.IsId(value))
        {
            throw new UserErrorException(Diagnostic.Error(node.Where, $"'{(node as YScalar)?.Value}' is not a valid {what} id.",
                "Use lowercase letters, digits and hyphens, starting with a letter (e.g. california)."));
        }
    }

    private static void RejectUnknownKeys(YMapping map, HashSet<string> allowed, string owner)
    {
        foreach (var key in map.Entries.Select(e => e.Key).Where(k => !allowed.Contains(k.Value)))
        {
            throw new UserErrorException(Diagnostic.Error(key.Where, $"Unknown key '{key.Value}' in {owner}.",
                $"Allowed keys: {string.Join(", ", allowed)}."));
        }
    }
}
