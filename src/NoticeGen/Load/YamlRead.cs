using NoticeGen.Check;

namespace NoticeGen.Load;

/// <summary>Typed reads of YAML nodes that turn a wrong shape into a diagnostic naming the key and what to write.</summary>
internal static class YamlRead
{
    public static YMapping Mapping(YNode? node, string what, SourceSpan fallback)
    {
        return node as YMapping ?? throw new UserErrorException(Codes.InvalidValue.At(node?.Where ?? fallback,
            $"{what} must be a set of 'key: value' lines.", "Indent its keys under it, one per line."));
    }

    public static string? OptionalString(YMapping map, string key)
    {
        var node = map.Get(key);
        return node switch
        {
            null => null,
            YScalar s => s.Value,
            _ => throw new UserErrorException(Codes.InvalidValue.At(node.Where, $"'{key}' must be a single value.", $"Write '{key}: text' on one line.")),
        };
    }

    public static string RequiredString(YMapping map, string key, string owner)
    {
        var value = OptionalString(map, key);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new UserErrorException(Codes.InvalidValue.At(map.Where, $"{owner} has no '{key}'.", $"Add a line '{key}: ...'."));
        }

        return value.Trim();
    }

    public static bool OptionalBool(YMapping map, string key, bool fallback)
    {
        var node = map.Get(key);
        if (node is null)
        {
            return fallback;
        }

        // YAML 1.1, as editors and the schemas read it: true, True, TRUE, yes, Yes ...
        switch ((node as YScalar)?.Value.ToLowerInvariant())
        {
            case "true" or "yes":
                return true;
            case "false" or "no":
                return false;
        }

        throw new UserErrorException(Codes.InvalidValue.At(node.Where, $"'{key}' must be true or false.", $"Write '{key}: true' or '{key}: false'."));
    }

    /// <summary>A list of words, written either as [a, b] or as a single word.</summary>
    public static IReadOnlyList<YScalar> Words(YMapping map, string key)
    {
        var node = map.Get(key);
        return node switch
        {
            null => [],
            YScalar s when s.Value.Length == 0 => [],
            YScalar s => [s],
            YSequence seq => seq.Items.Select(i => i as YScalar ?? throw new UserErrorException(Codes.InvalidValue.At(i.Where,
                $"Each entry of '{key}' must be a single id.", "Write the list as [id1, id2]."))).ToList(),
            _ => throw new UserErrorException(Codes.InvalidValue.At(node.Where, $"'{key}' must be a list.", $"Write '{key}: [id1, id2]'.")),
        };
    }

    /// <summary>Where each parameter of <see cref="Params"/> is defined, for findings about it.</summary>
    public static IReadOnlyList<KeyValuePair<string, SourceSpan>> ParamSpans(YMapping map, IReadOnlySet<string> reserved) =>
        map.Entries.Where(e => !reserved.Contains(e.Key.Value)).Select(e => new KeyValuePair<string, SourceSpan>(e.Key.Value, e.Key.Where)).ToList();

    /// <summary>Free-form parameters: every key not in <paramref name="reserved"/>, each a single value.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Params(YMapping map, IReadOnlySet<string> reserved)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in map.Entries)
        {
            if (reserved.Contains(key.Value))
            {
                continue;
            }

            if (!Ids.IsParameterName(key.Value))
            {
                throw new UserErrorException(Codes.InvalidId.At(key.Where, $"'{key.Value}' is not a usable parameter name.",
                    "Use lowercase letters, digits and underscores, starting with a letter (e.g. jams_url)."));
            }

            if (value is not YScalar scalar)
            {
                throw new UserErrorException(Codes.InvalidValue.At(value.Where, $"The parameter '{key.Value}' must be a single value.",
                    $"Write '{key.Value}: text' on one line (quote it if it contains a colon)."));
            }

            result.Add(new(key.Value, scalar.Value));
        }

        return result;
    }
}

/// <summary>The shapes of ids and names that NoticeGen accepts.</summary>
public static class Ids
{
    /// <summary>Ids become URL segments and HTML anchors, so they stay lowercase words joined by hyphens.</summary>
    public static bool IsId(string value) =>
        value.Length is > 0 and <= 80
        && char.IsAsciiLetterLower(value[0])
        && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !value.EndsWith('-');

    /// <summary>Parameter names are Scriban member names, so no hyphens.</summary>
    public static bool IsParameterName(string value) =>
        value.Length > 0 && char.IsAsciiLetterLower(value[0]) && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
