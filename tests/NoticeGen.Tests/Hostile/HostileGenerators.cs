using CsCheck;

namespace NoticeGen.Tests.Hostile;

/// <summary>One edit of a text, by line: what the property tests do to a valid file to break it in a thousand small ways.</summary>
internal sealed record LineEdit(int Kind, int At, int Other, string Text, string Indent);

/// <summary>
/// Generators of broken input: front matter and site.yml lines with random keys, values, indentation, quotes, colons,
/// tabs, unicode and '---' lines, valid files edited at random, and Markdown laced with references, templates and HTML.
/// Only what <see cref="Load.SiteFiles"/> lets through is generated: no control character but tab and line feed.
/// </summary>
internal static class HostileGenerators
{
    /// <summary>Pieces a line is made of: YAML's own punctuation, words NoticeGen knows, and characters from far away.</summary>
    private static readonly string[] Atoms =
    [
        " ", "  ", "\t", ":", ": ", "-", "- ", "---", "...", "#", "'", "\"", "[", "]", "{", "}", ",", "&a", "*a", "!!str", "!x",
        "|", ">", "%YAML 1.2", "@", "`", "?", "é", "日本語", "😀", "\u2028", "\u00a0", "\u200b", "\\", "\\u0000", "id", "title",
        "jurisdictions", "params", "covers", "template", "eu", "california", "contact", "true", "~", "null", "1e3", "0x1F",
        "word", "Acme, Inc.", "site", "notices", "audiences", "sections", "slug", "intro", "checks", "NG5001", "off",
    ];

    private static readonly string[] Keys =
        ["id", "title", "jurisdictions", "params", "covers", "template", "site", "notices", "audiences", "sections", "name", "hours", "x", "Id", "tïtle", ""];

    private static readonly string[] Indents = [string.Empty, " ", "  ", "    ", "\t", " \t", "      "];

    private static readonly string[] Separators = [":", ": ", " : ", "::", ":\t", " "];

    private static readonly Gen<string> Atom = Gen.OneOf(Atoms);

    public static readonly Gen<string> Line = Atom.Array[0, 8].Select(string.Concat);

    private static readonly Gen<string> Word = Gen.OneOf("contact", "eu", "california", "Acme", "9 to 5", "a: b", "x", "é", "😀", string.Empty);

    private static readonly Gen<string> Value = Gen.Frequency(
        (3, Word),
        (1, Gen.Select(Gen.OneOf("\"", "'"), Line, Gen.Bool, (q, text, closed) => q + text + (closed ? q : string.Empty))),
        (1, Word.Array[0, 3].Select(words => "[" + string.Join(", ", words) + "]")),
        (1, Line));

    private static readonly Gen<string> FrontMatterLine = Gen.Frequency(
        (3, Gen.Select(Gen.OneOf(Indents), Gen.OneOf(Keys), Gen.OneOf(Separators), Value, (indent, key, separator, value) => indent + key + separator + value)),
        (1, Gen.Select(Gen.OneOf(Indents), Value, (indent, value) => indent + "- " + value)),
        (1, Line));

    public static readonly Gen<string> FrontMatter = FrontMatterLine.Array[0, 8].Select(lines => string.Join('\n', lines));

    /// <summary>Pieces of a fragment's body: Markdown, references of every kind, template code, raw HTML and hostile links.</summary>
    private static readonly string[] BodyPieces =
    [
        "Personal data", " ", "\n", "\n\n", "> ", "- ", "1. ", "# ", "### ", "    code", "`", "*", "_", "**", "\\", "&amp;", "&#x0;", "&#0;",
        "[a link](https://example.com/)", "[](#contact)", "[](#nowhere)", "[](#gdpr \"the GDPR section\")", "[app](notice:app)",
        "[](notice:app#contact)", "[x](notice:nope)", "[x](ng:web/all#contact)", "[x](assets/logo.png)", "![alt](assets/x.png)",
        "<https://example.com>", "<dpo@example.com>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "[j](javascript:alert(1))", "[j](java&#x09;script:alert(1))", "[j](JaVaScRiPt:x)", "<javascript:x>", "[r][ref]",
        "\n\n[ref]: javascript:alert(2)\n", "|a|b|\n|-|-|\n|c|d|\n", "{{ notice.product }}", "{{ site.title }}", "{{ notice.nope }}",
        "{{ params.hours }}", "{{ if applies \"eu\" }}", "{{ if applies \"nowhere\" }}", "{{ end }}", "{{ else }}", "{{", "}}",
        "{{ include \"contact\" }}", "{{ include \"nope\" }}", "{{ for i in 1..3 }}i{{ end }}", "{{ \"x\" * 3 }}", "{%{ raw }%}",
        "é", "日本語", "😀", "\u2028", "\t", "---", "...",
    ];

    public static readonly Gen<string> Body = Gen.OneOf(BodyPieces).Array[0, 24].Select(string.Concat);

    /// <summary>A fragment file of any shape: front matter closed, never closed, absent, or closed with '...'.</summary>
    public static readonly Gen<string> Fragment = Gen.Select(FrontMatter, Body, Gen.Int[0, 5], (frontMatter, body, shape) => shape switch
    {
        0 => "---\nid: covers\n" + frontMatter + "\n---\n" + body,
        1 => "---\n" + frontMatter + "\n---\n" + body,
        2 => "---\n" + frontMatter + "\n" + body,
        3 => frontMatter + "\n" + body,
        4 => "---\n" + frontMatter + "\n...\n" + body,
        _ => "---\nid: covers\n" + frontMatter.Replace("\t", string.Empty, StringComparison.Ordinal) + "\n---\n" + body,
    });

    private static readonly Gen<LineEdit> Edit =
        Gen.Select(Gen.Int[0, 6], Gen.Int[0, 10_000], Gen.Int[0, 10_000], Gen.Frequency((1, Line), (3, FrontMatterLine)), Gen.OneOf(Indents),
            (kind, at, other, text, indent) => new LineEdit(kind, at, other, text, indent));

    /// <summary><paramref name="seed"/> (a valid file) after a few random edits.</summary>
    public static Gen<string> Edited(string seed) => Edit.Array[1, 4].Select(edits => edits.Aggregate(seed, Apply));

    private static string Apply(string text, LineEdit edit)
    {
        var lines = text.Split('\n').ToList();
        var i = edit.At % lines.Count;
        switch (edit.Kind)
        {
            case 0:
                lines.Insert(edit.At % (lines.Count + 1), edit.Text);
                break;
            case 1 when lines.Count > 1:
                lines.RemoveAt(i);
                break;
            case 2:
                lines[i] = edit.Text;
                break;
            case 3:
                lines.Insert(i, lines[i]);
                break;
            case 4:
                lines[i] = edit.Indent + lines[i].TrimStart(' ', '\t');
                break;
            case 5:
                lines[i] = lines[i].Insert(edit.Other % (lines[i].Length + 1), edit.Text);
                break;
            default:
                var j = edit.Other % lines.Count;
                (lines[i], lines[j]) = (lines[j], lines[i]);
                break;
        }

        return string.Join('\n', lines);
    }
}
