using NoticeGen.Load;

namespace NoticeGen.Releases;

/// <summary>
/// Writes the text-determining part of a site model as a release's site.yml: everything but presentation settings
/// (base_url), so an archived notice keeps its words when site.yml changes later.
/// </summary>
public static class SiteSnapshot
{
    public static string ToYaml(SiteModel model)
    {
        var yaml = new CanonicalYaml()
            // No date in here: a release that changes nothing in site.yml must give the same bytes, so Git stores them once.
            .Comment("Snapshot of the text-determining part of site.yml, written by 'noticegen release'. Do not edit.")
            .Key(0, "site")
            .Scalar(2, "title", model.Site.Title);
        if (model.Site.IntroFragment is { } intro)
        {
            yaml.Scalar(2, "intro", intro);
        }

        if (model.Site.Language != "en")
        {
            yaml.Scalar(2, "lang", model.Site.Language);
        }

        if (model.Site.Params.Count > 0)
        {
            yaml.Key(2, "params");
            foreach (var (key, value) in model.Site.Params)
            {
                yaml.Scalar(4, key, value);
            }
        }

        // An empty key would read back as a value, not as an empty map or list: a site without audiences (an imported one) must reload.
        if (model.Jurisdictions.Count == 0)
        {
            yaml.EmptyMapping(0, "jurisdictions");
        }
        else
        {
            yaml.Key(0, "jurisdictions");
        }

        foreach (var jurisdiction in model.Jurisdictions)
        {
            yaml.Scalar(2, jurisdiction.Id, jurisdiction.Name);
        }

        if (model.Audiences.Count == 0)
        {
            yaml.List(0, "audiences", []);
        }
        else
        {
            yaml.Key(0, "audiences");
        }

        foreach (var audience in model.Audiences)
        {
            yaml.Item(2, "id", audience.Id).Scalar(4, "name", audience.Name).List(4, "jurisdictions", audience.Jurisdictions);
        }

        yaml.Key(0, "notices");
        foreach (var notice in model.Notices)
        {
            yaml.Item(2, "id", notice.Id).Scalar(4, "title", notice.Title).Scalar(4, "slug", notice.Slug);
            if (notice.IntroFragment is { } noticeIntro)
            {
                yaml.Scalar(4, "intro", noticeIntro);
            }

            yaml.Bool(4, "numbered", notice.Numbered).List(4, "sections", notice.Sections.Select(s => s.FragmentId));
            if (notice.Params.Count > 0)
            {
                yaml.Key(4, "params");
                foreach (var (key, value) in notice.Params)
                {
                    yaml.Scalar(6, key, value);
                }
            }
        }

        return yaml.ToString();
    }
}
