namespace NoticeGen.Check.Coverage;

/// <summary>
/// One law's rule file: its id (the file name, e.g. "gdpr"), its name, the jurisdiction ids it applies to unless a site
/// maps them otherwise, its rules, and any topics the file adds to the vocabulary.
/// </summary>
public sealed record Law(
    string Id,
    string Name,
    IReadOnlyList<string> DefaultJurisdictions,
    IReadOnlyList<CoverageRule> Rules,
    IReadOnlyList<Topic> Topics,
    string File);
