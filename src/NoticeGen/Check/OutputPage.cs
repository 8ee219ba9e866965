using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using AngleSharp;
using AngleSharp.Common;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace NoticeGen.Check;

/// <summary>
/// One built HTML page as the output checks read it: its path in the output ("websites/index.html"), how findings name
/// it, its elements in document order, and the ids its #anchors may name.
/// </summary>
/// <remarks>
/// The page is read with AngleSharp's HTML tokenizer, not built into a DOM: the checks only need each start tag with its
/// attributes (entities decoded, names lower-cased, duplicates dropped, as a browser reads them), where it stands, and
/// the text of headings and the title. Building the tree cost three times as much and was most of a build's garbage.
/// Pages with SVG, MathML or a &lt;template&gt; are still read with the full parser (see <see cref="NeedsTreeBuilder"/>).
/// </remarks>
public sealed record OutputPage(string Path, string Label, IReadOnlyList<OutputElement> Elements, IReadOnlySet<string> Ids)
{
    /// <summary>The page's folder in the output ("websites/"), from which its relative links are read.</summary>
    public string Folder => Path.Contains('/') ? Path[..(Path.LastIndexOf('/') + 1)] : string.Empty;

    /// <summary>Where an element stands in the built file, for a finding; the start of the file when there is none.</summary>
    public SourceSpan Where(OutputElement? element) =>
        element is not { Line: > 0 } ? SourceSpan.StartOf(Label) : new SourceSpan(Label, element.Line, Math.Max(1, element.Column));

    /// <summary>What a link's #anchor may name on a page: every element's id, and each &lt;a name&gt;.</summary>
    private static HashSet<string> IdsOf(IReadOnlyList<OutputElement> elements)
    {
        var ids = new List<string>();
        foreach (var element in elements)
        {
            if (element.Id is { } id)
            {
                ids.Add(id);
            }

            if (element.Name == "a" && element.Attribute("name") is { } name)
            {
                ids.Add(name);
            }
        }

        // Made from a list, the set is sized once: growing it page after page was a twentieth of the checks' time.
        return new HashSet<string>(ids, StringComparer.Ordinal);
    }

    /// <summary>The first HTML element (not SVG or MathML) with this tag name, if the page has one.</summary>
    public OutputElement? First(string name) => Elements.FirstOrDefault(e => e.Name == name && !e.IsForeign);

    /// <summary>Reads a page's HTML into its elements.</summary>
    public static OutputPage Read(string path, string label, string html)
    {
        var elements = NeedsTreeBuilder(html) ? FromDocument(html) : FromTokens(html);
        return new OutputPage(path, label, elements, IdsOf(elements));
    }

    /// <summary>
    /// Whether only the full parser reads the page as a browser does. Inside SVG and MathML the tokenizer's states
    /// (CDATA sections; a &lt;style&gt; or &lt;title&gt; that is not raw text) depend on the tree, and a &lt;template&gt;'s
    /// content is not part of the document: a hostile template could otherwise hide a link from the checks.
    /// </summary>
    private static bool NeedsTreeBuilder(string html) => html.AsSpan().ContainsAny(ForeignStarts);

    // One vectorised pass for the three: three case-insensitive searches of each page were a twentieth of a warm build.
    private static readonly SearchValues<string> ForeignStarts = SearchValues.Create(["<svg", "<math", "<template"], StringComparison.OrdinalIgnoreCase);

    private static List<OutputElement> FromTokens(string html)
    {
        // At most one element per "<": sized once, as growing the list copied it again and again on long pages.
        var elements = new List<OutputElement>(html.AsSpan().Count('<'));
        // Read in place (a TextSource made from a string first copies the page into a StringBuilder) and as struct
        // tokens, so that text runs outside headings are never made into strings: the checks' reading of a page went
        // from 450 to under 150 ms per thousand pages. Disposed, the tokenizer gives back the page-sized buffer it rents
        // from the shared pool; left to the collector, that was a new 64 KB array per page, an eighth of a build's garbage.
        using var tokenizer = new HtmlTokenizer(new TextSource(new ReadOnlyMemoryTextSource(html)), HtmlEntityProvider.Resolver);
        var mainDepth = 0;
        (int Index, string Name, StringBuilder Text)? open = null;

        void Close()
        {
            if (open is { } text)
            {
                elements[text.Index] = elements[text.Index] with { Text = text.Text.ToString() };
                open = null;
            }
        }

        while (tokenizer.GetStructToken() is var token && token.Type != HtmlTokenType.EndOfFile)
        {
            switch (token.Type)
            {
                case HtmlTokenType.StartTag:
                {
                    // As the tree builder does: <image> is an <img>, and a heading ends the heading before it.
                    var name = token.Name == "image" ? "img" : token.Name.ToString();
                    if (IsHeading(name))
                    {
                        Close();
                    }

                    var attributes = token.Attributes.Count == 0 ? [] : new (string Name, string Value)[token.Attributes.Count];
                    for (var i = 0; i < attributes.Length; i++)
                    {
                        var attribute = token.Attributes[i];
                        attributes[i] = (attribute.Name.ToString(), attribute.Value.ToString());
                    }

                    elements.Add(new OutputElement(name, ImmutableCollectionsMarshal.AsImmutableArray(attributes), token.Position.Line, token.Position.Column,
                        mainDepth > 0));
                    // "<main/>" opens a main element too: HTML ignores the slash.
                    mainDepth += name == "main" ? 1 : 0;
                    if (name == "title" || IsHeading(name))
                    {
                        open = (elements.Count - 1, name, new StringBuilder());
                    }

                    // The tree builder switches the tokenizer into these states; without it a "<" in a script would read as a tag.
                    tokenizer.State = name switch
                    {
                        "script" => HtmlParseMode.Script,
                        "style" or "xmp" or "iframe" or "noembed" or "noframes" => HtmlParseMode.Rawtext,
                        "title" or "textarea" => HtmlParseMode.RCData,
                        "plaintext" => HtmlParseMode.Plaintext,
                        _ => HtmlParseMode.PCData,
                    };
                    break;
                }

                case HtmlTokenType.EndTag:
                    mainDepth -= token.Name == "main" && mainDepth > 0 ? 1 : 0;
                    // Any heading's end tag ends the open heading, as in a browser.
                    if (open is { } current && (token.Name == current.Name || (IsHeading(current.Name) && IsHeading(token.Name))))
                    {
                        Close();
                    }

                    break;

                case HtmlTokenType.Character:
                    // The token's text lives in the tokenizer's buffer until the next token: copied now, when it is kept.
                    open?.Text.Append((ReadOnlySpan<char>)token.Data);
                    break;
            }
        }

        Close();
        return elements;
    }

    /// <summary>The elements of the document the full parser builds, in document order.</summary>
    private static List<OutputElement> FromDocument(string html)
    {
        var document = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }).ParseDocument(html);
        return document.All.Select(e =>
        {
            var position = e.SourceReference?.Position;
            var foreign = e.NamespaceUri != NamespaceNames.HtmlUri;
            return new OutputElement(
                e.LocalName,
                [.. e.Attributes.Select(a => (a.Name, a.Value))],
                position?.Line ?? 0,
                position?.Column ?? 0,
                e.Ancestors<IElement>().Any(a => a.LocalName == "main" && a.NamespaceUri == NamespaceNames.HtmlUri),
                !foreign && (e.LocalName == "title" || IsHeading(e.LocalName)) ? e.TextContent : null,
                foreign);
        }).ToList();
    }

    private static bool IsHeading(string name) => name is ['h', >= '1' and <= '6'];

    private static bool IsHeading(StringOrMemory name) => name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6';
}

/// <summary>
/// One element of a built page: its tag name, its attributes in the order written, where its start tag stands (line 0
/// for an element the parser supplied), whether it is inside &lt;main&gt;, for headings and the title its text, and whether
/// it is an SVG or MathML element.
/// </summary>
public sealed record OutputElement(
    string Name, ImmutableArray<(string Name, string Value)> Attributes, int Line, int Column, bool InMain, string? Text = null, bool IsForeign = false)
{
    public string? Id => Attribute("id");

    /// <summary>An attribute's value, or null when the element does not have it.</summary>
    public string? Attribute(string name)
    {
        foreach (var (key, value) in Attributes)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }
}

/// <summary>Every file of a finished build, for checks that span pages: the paths written, and each page's element ids.</summary>
public sealed record OutputSite(IReadOnlySet<string> Files, IReadOnlyDictionary<string, IReadOnlySet<string>> Ids, LinkSources? Sources = null);
