using NoticeGen.Check;
using NoticeGen.Compose;
using NoticeGen.Render;

namespace NoticeGen.Build;

/// <summary>
/// The rendered text of one content set as the cache keeps it: each page's intro and sections, the index intro, and
/// the diagnostics rendering gave. Plans are not stored: they are cheap to make again and hold the site's records.
/// Each distinct HTML text is stored once in <see cref="Texts"/> and pages name it by its index: a section shown on ten
/// audience pages renders the same, and storing it ten times made the entry (and the memory it is read into) ten times larger.
/// </summary>
public sealed record CachedVersion(string IntroHtml, IReadOnlyList<string> Texts, IReadOnlyList<CachedPage> Pages, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static CachedVersion Of(RenderedVersion version, IReadOnlyList<Diagnostic> diagnostics)
    {
        var texts = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int Index(string text)
        {
            if (!index.TryGetValue(text, out var i))
            {
                index[text] = i = texts.Count;
                texts.Add(text);
            }

            return i;
        }

        var pages = version.Pages.Select(p => new CachedPage(p.Plan.Key.NoticeId, p.Plan.Key.AudienceId, Index(p.IntroHtml),
            p.Sections.Select(s => Index(s.Html)).ToList(), p.Sections.Select(s => s.Headings).ToList())).ToList();
        return new CachedVersion(version.IntroHtml, texts, pages, diagnostics);
    }

    /// <summary>The rendered version for <paramref name="plan"/>; null when the entry does not fit it (then it is rendered again).</summary>
    /// <param name="share">Returns the one shared copy of a text, as rendering does.</param>
    public RenderedVersion? ToVersion(SitePlan plan, Func<string, string> share)
    {
        var texts = Texts.Select(share).ToList();
        var byKey = Pages.ToDictionary(p => new PageKey(p.Notice, p.Audience));
        var pages = new List<RenderedPage>(plan.Pages.Count);
        foreach (var page in plan.Pages)
        {
            if (!byKey.TryGetValue(page.Key, out var cached) || cached.Sections.Count != page.Sections.Count || cached.Headings.Count != page.Sections.Count
                || cached.Sections.Append(cached.IntroHtml).Any(i => i < 0 || i >= Texts.Count))
            {
                return null;
            }

            pages.Add(new RenderedPage(page, texts[cached.IntroHtml],
                page.Sections.Select((s, i) => new RenderedSection(s.Id, s.Number, s.Title, texts[cached.Sections[i]]) { Headings = cached.Headings[i] }).ToList()));
        }

        return new RenderedVersion(plan.Content, plan, pages, share(IntroHtml));
    }
}

/// <summary>One page's rendered text in a <see cref="CachedVersion"/>: its intro and sections as indexes into the version's texts.</summary>
public sealed record CachedPage(string Notice, string Audience, int IntroHtml, IReadOnlyList<int> Sections, IReadOnlyList<IReadOnlyList<SubHeading>> Headings);
