namespace NoticeGen.Import;

/// <summary>
/// A fragment the importer writes: its id, the notice folder it lives in, title, guessed jurisdictions, whether its text
/// holds template code to be shown as it is, and its Markdown body.
/// </summary>
public sealed record DraftFragment(string Id, string Folder, string? Title, JurisdictionGuess? Jurisdictions, bool NoTemplate, string Body)
{
    public string Path => $"content/fragments/{Folder}/{Id}.md";
}
