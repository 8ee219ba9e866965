namespace NoticeGen.Import;

/// <summary>An imported notice: its id and title in the site, and the source it came from (for the word comparison).</summary>
public sealed record PlannedNotice(string Id, string Title, string File, SourceNotice Source);
