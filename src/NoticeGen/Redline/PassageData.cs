using System.Text.Json.Serialization;

namespace NoticeGen.Redline;

/// <summary>
/// A changed passage for a machine-readable diff, compact: its section's id, what changed (words, link, formatting, moved,
/// added, removed), its old and new text as plain text (null when the passage has none: an added or removed block), and its
/// redline HTML when asked for. No per-token objects: a 7,000-word rewrite is well under 100 KB of JSON without the HTML.
/// </summary>
public sealed record PassageData(
    [property: JsonPropertyName("section")] string Section,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("old"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Old,
    [property: JsonPropertyName("new"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? New,
    [property: JsonPropertyName("html"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Html = null);
