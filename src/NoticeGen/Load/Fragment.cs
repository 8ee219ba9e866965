using NoticeGen.Check;

namespace NoticeGen.Load;

/// <summary>
/// One Markdown section with its front matter. <see cref="Template"/> is the body with the front matter blanked out,
/// so that line numbers in template and Markdown errors are the file's own.
/// </summary>
public sealed record Fragment(
    string Id,
    string? Title,
    IReadOnlyList<string> Jurisdictions,
    IReadOnlyList<KeyValuePair<string, string>> Params,
    string File,
    string Source,
    string Template,
    SourceSpan Where);

/// <summary>The text-determining input of a build: the site model and its fragments (from the working folder or a release).</summary>
public sealed record ContentSet(SiteModel Site, IReadOnlyList<Fragment> Fragments, IReadOnlyList<Diagnostic> Warnings)
{
    private readonly Dictionary<string, Fragment> _byId = Fragments.GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.First());

    public Fragment? Find(string id) => _byId.GetValueOrDefault(id);
}
