using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace NoticeGen.Check;

/// <summary>
/// One built HTML page as the output checks read it: its path in the output ("websites/index.html"), how findings name
/// it, and its elements in document order.
/// </summary>
/// <remarks>
/// The page is read with AngleSharp's HTML tokenizer, not built into a DOM: the checks only need each start tag with its
/// attributes (entities decoded, names lower-cased, duplicates dropped, as a browser reads them), where it stands, and
/// the text of headings and the title. Building the tree cost three times as much and was most of a build's garbage.
/// </remarks>
public sealed record OutputPage(string Path, string Label, IReadOnlyList<OutputElement> Elements)
{
    /// <summary>The page's folder in the output ("websites/"), from which its relative links are read.</summary>
    public string Folder => Path.Contains('/') ? Path[..(Path.LastIndexOf('/') + 1)] : string.Empty;

    /// <summary>Where an element stands in the built file, for a finding; the start of the file when there is none.</summary>
    public SourceSpan Where(OutputElement? element) =>
        element is null ? SourceSpan.StartOf(Label) : new SourceSpan(Label, element.Line, Math.Max(1, element.Column));

    /// <summary>The first element with this tag name, if the page wrote one.</summary>
    public OutputElement? First(string name) => Elements.FirstOrDefault(e => e.Name == name);

    /// <summary>Reads a page's HTML into its elements.</summary>
    public static OutputPage Read(string path, string label, string html)
    {
        var elements = new List<OutputElement>();
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        var mainDepth = 0;
        (int Index, string Name, System.Text.StringBuilder Text)? open = null;
        while (tokenizer.Get() is var token && token.Type != HtmlTokenType.EndOfFile)
        {
            switch (token)
            {
                case HtmlTagToken { Type: HtmlTokenType.StartTag } tag:
                {
                    var attributes = tag.Attributes.Count == 0 ? [] : new KeyValuePair<string, string>[tag.Attributes.Count];
                    for (var i = 0; i < attributes.Length; i++)
                    {
                        attributes[i] = new KeyValuePair<string, string>(tag.Attributes[i].Name, tag.Attributes[i].Value);
                    }

                    var element = new OutputElement(tag.Name, attributes, token.Position.Line, token.Position.Column, mainDepth > 0);
                    elements.Add(element);
                    if (tag.Name == "main" && !tag.IsSelfClosing)
                    {
                        mainDepth++;
                    }

                    if (HasText(tag.Name))
                    {
                        open = (elements.Count - 1, tag.Name, new System.Text.StringBuilder());
                    }

                    // The tree builder switches the tokenizer into these states; without it a "<" in a script would read as a tag.
                    tokenizer.State = tag.Name switch
                    {
                        "script" => HtmlParseMode.Script,
                        "style" or "xmp" or "iframe" or "noembed" or "noframes" => HtmlParseMode.Rawtext,
                        "title" or "textarea" => HtmlParseMode.RCData,
                        "plaintext" => HtmlParseMode.Plaintext,
                        _ => HtmlParseMode.PCData,
                    };
                    break;
                }

                case HtmlTagToken { Type: HtmlTokenType.EndTag } tag:
                    if (tag.Name == "main" && mainDepth > 0)
                    {
                        mainDepth--;
                    }

                    if (open is { } text && text.Name == tag.Name)
                    {
                        elements[text.Index] = elements[text.Index] with { Text = text.Text.ToString() };
                        open = null;
                    }

                    break;

                case { Type: HtmlTokenType.Character }:
                    open?.Text.Append(token.Data);
                    break;
            }
        }

        return new OutputPage(path, label, elements);
    }

    /// <summary>Elements whose text a check reports: headings and the title.</summary>
    private static bool HasText(string name) => name is "title" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
}

/// <summary>
/// One element of a built page: its tag name, its attributes in the order written, where its start tag stands, whether it
/// is inside &lt;main&gt;, and, for headings and the title, its text.
/// </summary>
public sealed record OutputElement(string Name, KeyValuePair<string, string>[] Attributes, int Line, int Column, bool InMain, string? Text = null)
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
public sealed record OutputSite(IReadOnlySet<string> Files, IReadOnlyDictionary<string, IReadOnlySet<string>> Ids);
