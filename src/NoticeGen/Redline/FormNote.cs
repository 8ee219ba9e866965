using System.Collections.Frozen;

namespace NoticeGen.Redline;

/// <summary>Says in words how a block's form changed when its words did not: its element, its list, its attributes, its grouping.</summary>
internal static class FormNote
{
    private static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["p"] = "paragraph", ["li"] = "list item", ["tr"] = "table row", ["dt"] = "term", ["dd"] = "definition", ["pre"] = "code block",
        ["blockquote"] = "quote", ["ul"] = "bulleted list", ["ol"] = "numbered list", ["table"] = "table", ["thead"] = "table head",
        ["tbody"] = "table body", ["tfoot"] = "table foot", ["dl"] = "definition list", ["hr"] = "rule", ["caption"] = "caption",
        ["figcaption"] = "caption", ["address"] = "address", ["div"] = "division", ["figure"] = "figure", ["details"] = "details",
        ["h1"] = "heading", ["h2"] = "heading", ["h3"] = "heading", ["h4"] = "heading", ["h5"] = "heading", ["h6"] = "heading",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>How a block paired with its old version changed form; null when only its words, links or inline formatting did.</summary>
    public static string? Of(SourceBlock old, SourceBlock @new)
    {
        if (old.Form == @new.Form)
        {
            return null;
        }

        var notes = new List<string>();
        if (old.Tag != @new.Tag)
        {
            notes.Add(IsHeading(old.Tag) && IsHeading(@new.Tag)
                ? $"heading level {old.Tag[1]} → {@new.Tag[1]}"
                : $"was {Article(Name(old.Tag))}");
        }

        var oldPath = Path(old);
        var newPath = Path(@new);
        // A list item that became a paragraph left its list: "was a list item" says so.
        if (oldPath != newPath && old.Tag == @new.Tag)
        {
            notes.Add(oldPath.Length == 0 ? "was outside any list or table" : $"was in {Article(oldPath)}");
        }

        if (old.Break != @new.Break)
        {
            notes.Add(@new.Break.Length > 0 ? "now starts a new " + Name(BreakTag(@new.Break)) : "joined to the " + Name(BreakTag(old.Break)) + " before");
        }

        // Attributes are compared between like elements only: a paragraph that became a list item has other elements around it.
        if (notes.Count == 0 || (old.Tag == @new.Tag && oldPath == newPath && !SameAttributes(old, @new)))
        {
            notes.Add("attributes changed");
        }

        return string.Join("; ", notes);
    }

    /// <summary>How blocks were split, merged or regrouped: "split from one paragraph", "merged from 2 list items".</summary>
    public static string Regrouped(IReadOnlyList<SourceBlock> old, int newCount)
    {
        var tags = old.Select(b => b.Tag).Distinct().ToList();
        var plural = tags.Count == 1 ? Plural(Name(tags[0])) : "blocks";
        return old.Count == 1 ? $"split from one {Name(old[0].Tag)}"
            : newCount == 1 ? $"merged from {old.Count} {plural}"
            : $"regrouped from {old.Count} {plural}";
    }

    public static string Name(string tag) => Names.GetValueOrDefault(tag) ?? tag + " element";

    public static bool IsHeading(string tag) => tag is ['h', >= '1' and <= '6'];

    /// <summary>"bulleted list", "numbered list in a quote": the lists and other containers a block sits in, innermost first.</summary>
    private static string Path(SourceBlock block) =>
        string.Join(" in ", block.Containers.Where(c => c.Tag is not ("li" or "thead" or "tbody" or "tfoot")).Reverse().Select(c => Name(c.Tag)));

    private static bool SameAttributes(SourceBlock old, SourceBlock @new) =>
        old.Attributes.SequenceEqual(@new.Attributes)
        && old.Containers.Select(c => c.Attributes).SequenceEqual(@new.Containers.Select(c => c.Attributes), AttributesComparer.Instance)
        && old.Cells.Select(c => c.Key).SequenceEqual(@new.Cells.Select(c => c.Key), StringComparer.Ordinal);

    private static string BreakTag(string @break) => @break[(@break.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static string Article(string noun) => (noun[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + noun;

    public static string Plural(string noun) => noun.EndsWith('y') ? noun[..^1] + "ies" : noun + "s";

    private sealed class AttributesComparer : IEqualityComparer<IReadOnlyList<KeyValuePair<string, string>>>
    {
        public static readonly AttributesComparer Instance = new();

        public bool Equals(IReadOnlyList<KeyValuePair<string, string>>? x, IReadOnlyList<KeyValuePair<string, string>>? y) =>
            x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(IReadOnlyList<KeyValuePair<string, string>> obj) => obj.Count;
    }
}
