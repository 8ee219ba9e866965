namespace NoticeGen.Build;

/// <summary>What a build published, as its last line counts it: current pages, archived page versions and redlines.</summary>
public sealed record BuildSummary(int Pages, int ArchivedVersions, int Redlines)
{
    public static BuildSummary Of(SiteBuild build) =>
        new(build.Current.Pages.Count, build.Versions.Values.Sum(v => v.Pages.Count), build.ReleaseRedlines().Count() + build.DraftRedlines().Count());
}
