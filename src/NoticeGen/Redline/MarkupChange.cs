using System.Collections.Frozen;

namespace NoticeGen.Redline;

/// <summary>
/// How the markup of words that stayed changed: a link that points elsewhere (OldHref to NewHref), and formatting added,
/// removed or changed ("bold added", "link removed: https://…"), in words for a reader.
/// </summary>
internal sealed record MarkupChange(string? OldHref, string? NewHref, bool Image, IReadOnlyList<string> Formatting)
{
    private static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["strong"] = "bold", ["b"] = "bold", ["em"] = "italics", ["i"] = "italics", ["code"] = "code", ["kbd"] = "keyboard text",
        ["samp"] = "sample output", ["sup"] = "superscript", ["sub"] = "subscript", ["abbr"] = "abbreviation", ["a"] = "link",
        ["img"] = "image", ["s"] = "strikethrough", ["del"] = "strikethrough", ["strike"] = "strikethrough", ["u"] = "underline",
        ["ins"] = "underline", ["mark"] = "highlight", ["small"] = "small print", ["q"] = "quotation", ["cite"] = "citation",
        ["dfn"] = "definition", ["span"] = "span", ["time"] = "time", ["br"] = "line break",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Tells two changes apart by value: the same old and new target and the same formatting notes.</summary>
    public string Signature { get; } = KeyBuilder.Of([OldHref ?? "\0", NewHref ?? "\0", Image ? "i" : "l", .. Formatting]);

    /// <summary>Both versions link the words, to different targets: a link change rather than a formatting change.</summary>
    public bool LinkRetargeted => OldHref is not null && NewHref is not null && OldHref != NewHref;

    public static MarkupChange? Of(InlineMarkup old, InlineMarkup @new)
    {
        if (old.Equals(@new))
        {
            return null;
        }

        var formatting = new List<string>();
        if (old.Href is null && @new.Href is not null)
        {
            formatting.Add($"{(@new.IsImage ? "image" : "link")} added: {@new.Href}");
        }
        else if (old.Href is not null && @new.Href is null)
        {
            formatting.Add($"{(old.IsImage ? "image" : "link")} removed: {old.Href}");
        }

        // The rest of the markup, with the targets left out: they are the link change above.
        var oldRest = old.Elements.Select(WithoutTarget).ToList();
        var newRest = @new.Elements.Select(WithoutTarget).ToList();
        var removed = Minus(oldRest, newRest);
        var added = Minus(newRest, oldRest);
        foreach (var element in removed)
        {
            var name = Name(element);
            var same = added.FindIndex(a => Name(a) == name);
            if (same >= 0)
            {
                added.RemoveAt(same);
                formatting.Add($"{name} changed");
            }
            else if (!formatting.Any(f => f.StartsWith(name + " removed", StringComparison.Ordinal)))
            {
                formatting.Add($"{name} removed");
            }
        }

        foreach (var element in added.Where(a => !formatting.Any(f => f.StartsWith(Name(a) + " added", StringComparison.Ordinal))))
        {
            formatting.Add($"{Name(element)} added");
        }

        if (removed.Count == 0 && added.Count == 0 && formatting.Count == 0 && !(old.Href is not null && @new.Href is not null && old.Href != @new.Href))
        {
            // The same elements in another nesting order: still different markup.
            formatting.Add("formatting order changed");
        }

        return new MarkupChange(old.Href, @new.Href, old.IsImage || @new.IsImage, formatting);
    }

    /// <summary>The link change in words: "link changed" or "image changed".</summary>
    public string LinkLabel => Image ? "image changed" : "link changed";

    private static InlineElement WithoutTarget(InlineElement element) =>
        element.Tag is "a" or "img"
            ? new InlineElement(element.Tag, element.Attributes.Where(a => a.Key != (element.Tag == "a" ? "href" : "src")).ToList())
            : element;

    private static string Name(InlineElement element) =>
        element.Tag == "a" && element.Attribute("href") is null && element.Attribute("id") is not null
            ? "anchor"
            : Names.GetValueOrDefault(element.Tag) ?? element.Tag + " element";

    /// <summary>The elements of the first list that the second lacks, counting repeats.</summary>
    private static List<InlineElement> Minus(List<InlineElement> first, List<InlineElement> second)
    {
        var left = second.Select(e => e.Key).ToList();
        var result = new List<InlineElement>();
        foreach (var element in first)
        {
            var at = left.IndexOf(element.Key);
            if (at >= 0)
            {
                left.RemoveAt(at);
            }
            else
            {
                result.Add(element);
            }
        }

        return result;
    }
}
