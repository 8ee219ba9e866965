namespace NoticeGen.Import;

/// <summary>A section of a later version matched by its content to an earlier one under another title: it keeps the earlier id.</summary>
public sealed record KeptId(string FragmentId, string OldTitle, string NewTitle, double Similarity);
