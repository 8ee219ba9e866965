using NoticeGen.Compose;
using NoticeGen.Load;
using NoticeGen.Releases;
using NoticeGen.Render;

namespace NoticeGen.History;

/// <summary>A redline of one page between two versions; <see cref="To"/> is null for the unreleased draft.</summary>
public sealed record RedlineEntry(PageKey Key, Notice Notice, Audience Audience, Release? From, Release? To, RenderedPage? Before, RenderedPage After)
{
    /// <summary>The redline of a page version against the page's previous version.</summary>
    public static RedlineEntry Of(PageVersion version)
    {
        var plan = version.Page.Plan;
        var previous = version.Previous ?? throw new ArgumentException("A page's first version has nothing to compare with.", nameof(version));
        return new RedlineEntry(plan.Key, plan.Notice, plan.Audience, previous.Release, version.Release, previous.Page, version.Page);
    }
}
