using NoticeGen.Check;

namespace NoticeGen.Import;

/// <summary>A fragment given jurisdictions by guess, for the editor to confirm.</summary>
public sealed record GuessedSection(string FragmentId, string Title, JurisdictionGuess Guess, SourceSpan Where);
