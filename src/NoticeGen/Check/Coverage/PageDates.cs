namespace NoticeGen.Check.Coverage;

/// <summary>
/// The dates a page shows: the release that last changed its text, and a later release that left it unchanged
/// (a review). Both are null for a page that was never released.
/// </summary>
public sealed record PageDates(DateOnly? LastUpdated, DateOnly? LastReviewed)
{
    public static PageDates None { get; } = new(null, null);
}
