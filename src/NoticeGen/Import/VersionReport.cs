namespace NoticeGen.Import;

/// <summary>What the migration report says about one imported version: its plan, and its word comparison (null when not built).</summary>
public sealed record VersionReport(SourceVersion Version, VersionPlan Plan, IReadOnlyList<NoticeComparison>? Comparisons);
