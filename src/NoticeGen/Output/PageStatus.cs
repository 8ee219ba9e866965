namespace NoticeGen.Output;

/// <summary>Whether a page shows the text in force, an older or upcoming release, or the unreleased draft.</summary>
public enum PageStatus
{
    Current,
    InForce,
    Archived,
    Upcoming,
    Draft,
}
