namespace NoticeGen.Import;

/// <summary>The jurisdictions a section seems to be limited to, and the words that suggested them (to quote when asking to confirm).</summary>
public sealed record JurisdictionGuess(IReadOnlyList<string> Jurisdictions, IReadOnlyList<string> Evidence)
{
    /// <summary>The front matter comment: <c># guessed from "CCPA": confirm</c>.</summary>
    public string Comment => "# guessed from " + string.Join(", ", Evidence.Select(e => "\"" + e + "\"")) + ": confirm";
}
