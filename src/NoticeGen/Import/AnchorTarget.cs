namespace NoticeGen.Import;

/// <summary>
/// What an in-page anchor of a source page points at: a notice (by its index in the page), one of its sections (by index),
/// or a sub-heading in that section (by the sub-heading's source anchor).
/// </summary>
public sealed record AnchorTarget(int Notice, int? Section = null, string? SubAnchor = null);
