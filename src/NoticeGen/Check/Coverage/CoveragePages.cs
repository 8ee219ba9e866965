using NoticeGen.Compose;
using NoticeGen.Load;

namespace NoticeGen.Check.Coverage;

/// <summary>Turns a planned site into the evaluator's input: one <see cref="CoveragePage"/> per notice and audience.</summary>
public static class CoveragePages
{
    /// <summary>
    /// The pages of <paramref name="plan"/>. <paramref name="dates"/> gives each page's stamp (from the release history);
    /// <paramref name="sources"/> where each notice's data comes from (default: both from the person and from others).
    /// </summary>
    public static IReadOnlyList<CoveragePage> From(SitePlan plan, Func<PageKey, PageDates> dates, Func<Notice, DataSources>? sources = null)
    {
        var content = plan.Content;
        // A fragment's topics are the same on every page that shows it: found once, not once per page (at 10,000 pages
        // that was 200,000 scans of fragments for their includes).
        var topics = new Dictionary<Fragment, SectionTopics>(ReferenceEqualityComparer.Instance);
        SectionTopics TopicsOf(Fragment fragment)
        {
            if (!topics.TryGetValue(fragment, out var found))
            {
                topics[fragment] = found = Topics(content, fragment);
            }

            return found;
        }

        return plan.Pages.Select(page =>
        {
            var shown = page.Sections.Select(s => s.Fragment).Prepend(page.Intro).OfType<Fragment>().ToList();
            var notShown = page.Notice.Sections
                .Where(s => page.Find(s.FragmentId) is null)
                .Select(s => content.Find(s.FragmentId))
                .OfType<Fragment>();
            return new CoveragePage(
                new PageIdentity(page.Notice.Id, page.Audience.Id, page.Audience.Name, page.Notice.Where),
                PageJurisdictions.Checked(content.Site, page.Audience),
                shown.Select(TopicsOf).ToList(),
                notShown.Select(TopicsOf).ToList(),
                dates(page.Key),
                sources?.Invoke(page.Notice) ?? DataSources.Both);
        }).ToList();
    }

    private static SectionTopics Topics(ContentSet content, Fragment fragment) => new(fragment.Id, FragmentTopics.Of(content, fragment));
}
