using NoticeGen.Load;

namespace NoticeGen.Check.Coverage;

/// <summary>The topics a fragment covers on a page: its own <c>covers:</c> and, since their text is shown with it, those of the fragments it includes.</summary>
public static class FragmentTopics
{
    /// <summary>
    /// The topics <paramref name="fragment"/> covers; with <paramref name="audience"/>, only through the included fragments
    /// that audience is shown (an included fragment keeps its own jurisdictions, see Render/FragmentTemplates).
    /// </summary>
    public static IReadOnlyList<string> Of(ContentSet content, Fragment fragment, Audience? audience = null)
    {
        var topics = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Fragment>([fragment]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current.Id))
            {
                continue;  // include cycles are reported by the renderer; here they only must not loop
            }

            topics.AddRange(current.Covers.Select(c => c.Value).Where(t => !topics.Contains(t, StringComparer.Ordinal)));
            foreach (var included in TemplateCalls.Includes(current.Code).Reverse())
            {
                if (content.Find(included.Value) is { } child && (audience is null || audience.Sees(child.Jurisdictions)))
                {
                    pending.Push(child);
                }
            }
        }

        return topics;
    }
}
