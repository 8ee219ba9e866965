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
        // A fragment's topics are the same on every page of one audience: found once per audience, not once per page (at
        // 10,000 pages that was 200,000 scans of fragments for their includes).
        var topics = new Dictionary<(string Fragment, string Audience), SectionTopics>();
        SectionTopics TopicsOf(Fragment fragment, Audience audience)
        {
            // A fragment that includes nothing covers the same topics for every audience: held once, not once per audience.
            var key = (fragment.Id, TemplateCalls.Includes(fragment.Code).Any() ? audience.Id : string.Empty);
            if (!topics.TryGetValue(key, out var found))
            {
                topics[key] = found = new SectionTopics(fragment.Id, FragmentTopics.Of(content, fragment, audience));
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
                shown.Select(f => TopicsOf(f, page.Audience)).ToList(),
                notShown.Select(f => TopicsOf(f, page.Audience)).ToList(),
                dates(page.Key),
                sources?.Invoke(page.Notice) ?? DataSources.Both);
        }).ToList();
    }
}
