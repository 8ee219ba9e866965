using System.Text.RegularExpressions;

namespace NoticeGen.Load;

/// <summary>A quoted argument of a template call and where it stands in the text (0-based index of its first character).</summary>
public sealed record CallArgument(string Value, int Index);

/// <summary>
/// Finds the fragment-specific template calls, 'include "id"' and 'applies "id" ...', inside {{ }} blocks, so that
/// their ids can be checked before any page renders and the fragments a release needs are known exactly.
/// </summary>
public static partial class TemplateCalls
{
    /// <summary>The ids of 'include "id"', in order of appearance.</summary>
    public static IEnumerable<CallArgument> Includes(string template) => !template.Contains("include", StringComparison.Ordinal) ? [] :
        Code(template).SelectMany(block => IncludeCall().Matches(block.Text)
            .Select(m => new CallArgument(m.Groups["id"].Value, block.Index + m.Groups["id"].Index)));

    /// <summary>Every 'include' whose argument is not a quoted id: only literal ids can be checked and frozen in a release.</summary>
    public static IEnumerable<int> NonLiteralIncludes(string template) => !template.Contains("include", StringComparison.Ordinal) ? [] :
        Code(template).SelectMany(block => AnyInclude().Matches(block.Text)
            .Where(m => !LiteralIncludeAt().IsMatch(block.Text, m.Index))
            .Select(m => block.Index + m.Index));

    /// <summary>The jurisdiction ids of every 'applies "id" "id"'.</summary>
    public static IEnumerable<CallArgument> AppliesIds(string template) => !template.Contains("applies", StringComparison.Ordinal) ? [] :
        Code(template).SelectMany(block => AppliesCall().Matches(block.Text)
            .SelectMany(m => m.Groups["id"].Captures.Select(c => new CallArgument(c.Value, block.Index + c.Index))));

    // Each call above first asks whether its word occurs at all: most fragments include nothing, and matching every
    // {{ ... }} block of thousands of fragments, once per audience, was a tenth of the coverage check at 5,000 pages.
    private static IEnumerable<(string Text, int Index)> Code(string template) =>
        CodeBlock().Matches(template).Select(m => (m.Groups["code"].Value, m.Groups["code"].Index));

    [GeneratedRegex(@"\{\{(?<code>.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex("\\binclude\\s+\"(?<id>[^\"]*)\"")]
    private static partial Regex IncludeCall();

    [GeneratedRegex("\\Ginclude\\s+\"[^\"]*\"")]
    private static partial Regex LiteralIncludeAt();

    [GeneratedRegex(@"\binclude\b")]
    private static partial Regex AnyInclude();

    [GeneratedRegex("\\bapplies(?:\\s+\"(?<id>[^\"]*)\")+")]
    private static partial Regex AppliesCall();
}
