using NoticeGen.Check;
using NoticeGen.Load;

namespace NoticeGen.Releases;

/// <summary>
/// Where each notice lives across its whole history: the slug it has now (or last had), so that renaming a slug
/// moves every version, redline and feed with it and no page links to a folder that is gone.
/// </summary>
public static class NoticeSlugs
{
    /// <summary>Each notice id's slug; refuses two notices, past or present, that would share one folder.</summary>
    public static IReadOnlyDictionary<string, string> Resolve(SiteModel? working, IReadOnlyList<Release> releases)
    {
        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        var where = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var (site, file) in releases.Select(r => ((SiteModel?)r.Site, r.Folder + "/" + SiteLoader.FileName))
                     .Append((working, SiteLoader.FileName)))
        {
            foreach (var notice in site?.Notices ?? [])
            {
                slugs[notice.Id] = notice.Slug;
                where[notice.Id] = notice.Where with { File = file };
            }
        }

        var clash = slugs.GroupBy(s => s.Value).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            var ids = clash.Select(s => s.Key).ToList();
            var current = ids.FirstOrDefault(id => working?.Notices.Any(n => n.Id == id) == true) ?? ids[^1];
            var earlier = ids.First(id => id != current);
            throw new UserErrorException(Codes.SlugClash.At(where[current],
                $"The notice '{current}' would be published at /{clash.Key}/, where the notice '{earlier}' of earlier releases lives.",
                $"Keep the id '{earlier}' (an id names a notice across releases and only its slug sets the URL), or choose another slug."));
        }

        return slugs;
    }

    /// <summary>The content with every notice at its resolved slug.</summary>
    public static ContentSet Apply(ContentSet content, IReadOnlyDictionary<string, string> slugs)
    {
        var notices = content.Site.Notices.Select(n => slugs.TryGetValue(n.Id, out var slug) && slug != n.Slug ? n with { Slug = slug } : n).ToList();
        return notices.SequenceEqual(content.Site.Notices) ? content : content with { Site = content.Site with { Notices = notices } };
    }
}
