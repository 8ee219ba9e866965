using NoticeGen.Check;

namespace NoticeGen.Load;

/// <summary>
/// One Markdown section with its front matter. <see cref="Template"/> is the body with the front matter blanked out,
/// so that line numbers in template and Markdown errors are the file's own. <see cref="Covers"/> are the topic ids the
/// section declares it covers, each with where it is written: the coverage check, which knows the topics, reports unknown ones there.
/// </summary>
public sealed record Fragment(
    string Id,
    string? Title,
    IReadOnlyList<string> Jurisdictions,
    IReadOnlyList<KeyValuePair<string, string>> Params,
    string File,
    string Source,
    string Template,
    SourceSpan Where,
    IReadOnlyList<YScalar> Covers)
{
    /// <summary>False for 'template: false': the body is Markdown only, and any {{ }} in it is text.</summary>
    public bool IsTemplate { get; init; } = true;

    /// <summary>Where each of <see cref="Params"/> is defined in the front matter.</summary>
    public IReadOnlyList<KeyValuePair<string, SourceSpan>> ParamSpans { get; init; } = [];

    /// <summary>The body as template code: empty for a fragment that holds none, so its braces are never read as calls.</summary>
    public string Code => IsTemplate ? Template : string.Empty;
}

/// <summary>The text-determining input of a build: the site model and its fragments (from the working folder or a release).</summary>
public sealed record ContentSet(SiteModel Site, IReadOnlyList<Fragment> Fragments)
{
    private readonly Dictionary<string, Fragment> _byId = Fragments.GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.First());

    public Fragment? Find(string id) => _byId.GetValueOrDefault(id);
}
