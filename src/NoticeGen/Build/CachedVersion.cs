using NoticeGen.Check;
using NoticeGen.Compose;
using NoticeGen.Render;

namespace NoticeGen.Build;

/// <summary>
/// The rendered text of one content set as the cache keeps it: each page's intro and section HTML, the index intro, and
/// the diagnostics rendering gave. Plans are not stored: they are cheap to make again and hold the site's records.
/// </summary>
public sealed record CachedVersion(string IntroHtml, IReadOnlyList<CachedPage> Pages, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static CachedVersion Of(RenderedVersion version, IReadOnlyList<Diagnostic> diagnostics) =>
        new(version.IntroHtml,
            version.Pages.Select(p => new CachedPage(p.Plan.Key.NoticeId, p.Plan.Key.AudienceId, p.IntroHtml,
                p.Sections.Select(s => s.Html).ToList(), p.Sections.Select(s => s.Headings).ToList())).ToList(),
            diagnostics);

    /// <summary>The rendered version for <paramref name="plan"/>; null when the entry does not fit it (then it is rendered again).</summary>
    public RenderedVersion? ToVersion(SitePlan plan)
    {
        var byKey = Pages.ToDictionary(p => new PageKey(p.Notice, p.Audience));
        var pages = new List<RenderedPage>(plan.Pages.Count);
        foreach (var page in plan.Pages)
        {
            if (!byKey.TryGetValue(page.Key, out var cached) || cached.Sections.Count != page.Sections.Count || cached.Headings.Count != page.Sections.Count)
            {
                return null;
            }

            pages.Add(new RenderedPage(page, cached.IntroHtml,
                page.Sections.Select((s, i) => new RenderedSection(s.Id, s.Number, s.Title, cached.Sections[i]) { Headings = cached.Headings[i] }).ToList()));
        }

        return new RenderedVersion(plan.Content, plan, pages, IntroHtml);
    }
}

/// <summary>One page's rendered text in a <see cref="CachedVersion"/>.</summary>
public sealed record CachedPage(string Notice, string Audience, string IntroHtml, IReadOnlyList<string> Sections, IReadOnlyList<IReadOnlyList<SubHeading>> Headings);
