using NoticeGen.Check;
using NoticeGen.Load;

namespace NoticeGen.Compose;

/// <summary>Decides, for every notice and audience, which sections the page holds and how they are numbered.</summary>
public static class SitePlanner
{
    /// <summary>Plans every page of a content set.</summary>
    public static SitePlan Plan(ContentSet content, DiagnosticSink diagnostics)
    {
        var site = content.Site;
        CheckStructure(content, diagnostics);
        diagnostics.ThrowIfErrors();

        // A fragment's headings are the same on every page that holds it: scanned once.
        var scanned = new Dictionary<Fragment, IReadOnlyList<(string RawId, string Text)>>(ReferenceEqualityComparer.Instance);
        IReadOnlyList<(string RawId, string Text)> Headings(Fragment fragment) =>
            scanned.TryGetValue(fragment, out var found) ? found : scanned[fragment] = HeadingAnchors.Scan(fragment, content);

        var pages = new List<PagePlan>();
        foreach (var notice in site.Notices)
        {
            var intro = notice.IntroFragment is null ? null : content.Find(notice.IntroFragment);
            foreach (var audience in site.PageAudiences)
            {
                pages.Add(PlanPage(content, notice, audience, intro, Headings));
            }
        }

        return new SitePlan(content, pages);
    }

    private static PagePlan PlanPage(ContentSet content, Notice notice, Audience audience, Fragment? intro, Func<Fragment, IReadOnlyList<(string RawId, string Text)>> headings)
    {
        var sections = new List<PlannedSection>();
        foreach (var fragment in notice.Sections.Select(s => content.Find(s.FragmentId)!).Where(f => audience.Sees(f.Jurisdictions)))
        {
            sections.Add(new PlannedSection(fragment, notice.Numbered ? sections.Count + 1 : null));
        }

        return new PagePlan(notice, audience, intro, sections, HeadingAnchors.ForPage(intro, sections, headings));
    }

    private static void CheckStructure(ContentSet content, DiagnosticSink diagnostics)
    {
        var site = content.Site;
        if (site.Site.IntroFragment is { } siteIntro && content.Find(siteIntro) is null)
        {
            diagnostics.Report(Codes.UnknownName, site.Site.IntroWhere ?? SourceSpan.StartOf(SiteLoader.FileName), $"The site intro '{siteIntro}' is not a fragment id.",
                $"Create a fragment with 'id: {siteIntro}' under content/, or correct 'intro' under 'site'.");
        }

        foreach (var notice in site.Notices)
        {
            if (notice.IntroFragment is { } intro && content.Find(intro) is null)
            {
                diagnostics.Report(Codes.UnknownName, notice.IntroWhere ?? notice.Where, $"Notice '{notice.Id}' names the intro '{intro}', but no fragment has that id.",
                    $"Create a fragment with 'id: {intro}' under content/, or correct 'intro'.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var section in notice.Sections)
            {
                if (!seen.Add(section.FragmentId))
                {
                    diagnostics.Report(Codes.DuplicateId, section.Where, $"Section '{section.FragmentId}' is listed twice in notice '{notice.Id}'.",
                        "List each section once.");
                }
                else if (content.Find(section.FragmentId) is { Title: null } untitled)
                {
                    diagnostics.Report(Codes.UntitledSection, untitled.Where, $"The section '{untitled.Id}' has no title, so its heading shows its id.",
                        "Add a 'title:' line to its front matter.");
                }
                else if (content.Find(section.FragmentId) is null)
                {
                    diagnostics.Report(Codes.UnknownName, section.Where, $"Notice '{notice.Id}' lists the section '{section.FragmentId}', but no fragment has that id.",
                        $"Create content/fragments/{section.FragmentId}.md with 'id: {section.FragmentId}'{(Spelling.Closest(section.FragmentId, content.Fragments.Select(f => f.Id)) is { } close ? $" (or did you mean '{close}'?)" : string.Empty)}, or remove it from the list.");
                }
            }
        }
    }

    /// <summary>The fragments some page shows: intros, listed sections, and what they include, transitively.</summary>
    public static IReadOnlySet<string> UsedFragmentIds(ContentSet content)
    {
        var roots = content.Site.Notices
            .SelectMany(n => n.Sections.Select(s => s.FragmentId).Append(n.IntroFragment))
            .Append(content.Site.Site.IntroFragment)
            .OfType<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.TryPop(out var id))
        {
            if (used.Add(id) && content.Find(id) is { } fragment)
            {
                foreach (var included in TemplateCalls.Includes(fragment.Code))
                {
                    pending.Push(included.Value);
                }
            }
        }

        return used;
    }
}
