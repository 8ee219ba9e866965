namespace NoticeGen.Build;

/// <summary>
/// A release `noticegen release` is about to make: the build adds it to the archive it read, in memory, so that every
/// check sees the site as it would be once the release is written.
/// </summary>
public sealed record ProposedRelease(DateOnly Effective, string Summary);
