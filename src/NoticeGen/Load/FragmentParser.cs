using NoticeGen.Check;

namespace NoticeGen.Load;

/// <summary>Splits a Markdown file into YAML front matter and body, and reads the front matter.</summary>
public static class FragmentParser
{
    private static readonly string[] Keys = ["id", "title", "jurisdictions", "params", "covers", "template"];

    public static Fragment Parse(string text, string file, IReadOnlySet<string> jurisdictions)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            throw new UserErrorException(Codes.MissingFile.At(SourceSpan.StartOf(file), "This fragment has no front matter.",
                "Start the file with a '---' line, then 'id: ...' and 'title: ...', then another '---' line."));
        }

        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (end < 0)
        {
            throw new UserErrorException(Codes.MissingFile.At(SourceSpan.StartOf(file), "The front matter is never closed.",
                "Add a line '---' after the last 'key: value' line of the front matter."));
        }

        var yaml = string.Join('\n', lines[1..end]);
        var node = SafeYaml.Parse(yaml, file, lineOffset: 1);
        var map = YamlRead.Mapping(node, "The front matter", new SourceSpan(file, 2, 1));
        var unknown = new DiagnosticSink();
        SiteLoader.RejectUnknownKeys(map, Keys, "the front matter", unknown, "Put free-form values under 'params:'.");
        unknown.ThrowIfErrors();

        var id = YamlRead.RequiredString(map, "id", "This fragment");
        var idNode = map.Get("id")!;
        if (!Ids.IsId(id))
        {
            throw new UserErrorException(Codes.InvalidId.At(idNode.Where, $"'{id}' is not a valid fragment id.",
                "Use lowercase letters, digits and hyphens, starting with a letter (e.g. contact or ccpa-rights)."));
        }

        if (id.StartsWith("ng-", StringComparison.Ordinal))
        {
            throw new UserErrorException(Codes.InvalidId.At(idNode.Where, $"Fragment ids may not start with 'ng-': '{id}'.",
                "Choose another id; 'ng-' names the page's own parts (ng-main, ng-toc-title...), and an anchor must be unique."));
        }

        var tags = YamlRead.Words(map, "jurisdictions");
        foreach (var tag in tags.Where(t => !jurisdictions.Contains(t.Value)))
        {
            throw new UserErrorException(Codes.UnknownName.At(tag.Where, $"Unknown jurisdiction '{tag.Value}'.",
                $"Use one of the ids under 'jurisdictions' in site.yml ({string.Join(", ", jurisdictions)}), or add it there."));
        }

        var paramsMap = map.Get("params") is { } p ? YamlRead.Mapping(p, "'params'", p.Where) : null;
        var parameters = paramsMap is null ? [] : YamlRead.Params(paramsMap, new HashSet<string>());

        // Blank out the front matter rather than cutting it, so the body keeps its line numbers.
        var template = new string('\n', end + 1) + string.Join('\n', lines[(end + 1)..]);
        return new Fragment(id, Title(YamlRead.OptionalString(map, "title")), tags.Select(t => t.Value).ToList(), parameters,
            file, text, template, idNode.Where, YamlRead.Words(map, "covers"))
        {
            // 'template: false': text copied from a Liquid or Jekyll site keeps its {{ }} as written.
            IsTemplate = YamlRead.OptionalBool(map, "template", true),
            ParamSpans = paramsMap is null ? [] : YamlRead.ParamSpans(paramsMap, new HashSet<string>()),
        };
    }

    /// <summary>A blank title is no title: the section's heading would be empty, so it shows the id and NG2008 says so.</summary>
    private static string? Title(string? title) => string.IsNullOrWhiteSpace(title) ? null : title.Trim();
}
