using AngleSharp.Dom;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Hostile;

/// <summary>
/// Script smuggled into a notice, in any of the ways a browser would still run it, builds (an editor's paste must not
/// stop a release) but never runs: no page of the site has a script element, an event-handler attribute, or a URL with
/// a scheme that runs code, read the way a browser reads it.
/// </summary>
public sealed class ScriptInjectionTests : IDisposable
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "srcset", "cite"];

    private readonly HostileSite _hostile = new();

    public void Dispose() => _hostile.Dispose();

    [Fact]
    public void Script_in_fragments_and_site_yml_builds_and_never_runs()
    {
        _hostile.WriteCoversBody("""
            Raw: <script>alert(1)</script> and <SCRIPT SRC=//evil.example/x.js></SCRIPT>

            <img src=x onerror=alert(2)> <svg onload=alert(3)> <body onload=alert(4)> <iframe src="javascript:alert(5)"></iframe>

            <a href="javascript:alert(6)">raw link</a> <div style="background:url(javascript:alert(7))" onmouseover="alert(8)">d</div>

            [tab](java&#x09;script:alert(9)) [newline](java&#x0A;script:alert(10)) [mixed](JaVaScRiPt:alert(11)) [entity](&#106;avascript:alert(12))

            [colon](javascript&colon;alert(13)) [space]( javascript:alert(14)) [angle](<javascript:alert(15)>) [control](&#x01;javascript:alert(16))

            [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxNyk8L3NjcmlwdD4=) [vb](vbscript:msgbox(18)) ![image](javascript:alert(19)) <javascript:alert(20)>

            [ref][evil] {{ "<script>alert(21)</script>" }} Write to {{ site.contact_email }}.

            | a | b |
            |---|---|
            | <script>alert(22)</script> | [cell](javascript:alert(23)) |

            [evil]: javascript:alert(24)
            """);
        _hostile.Site.Replace("site.yml", "title: Privacy Notice for the Acme Websites", "title: \"Acme <script>alert(25)</script> Notice\"");
        _hostile.Site.Replace("site.yml", "    name: California residents", "    name: \"California <img src=x onerror=alert(26)>\"");
        _hostile.Site.Replace("site.yml", "    contact_email: dpo@acme.test", "    contact_email: \"dpo@acme.test\\\"><script>alert(27)</script>\"");
        _hostile.Site.Replace("content/ccpa.md", "title: Rights of California Residents", "title: \"Rights <svg onload=alert(28)>\"");

        var result = _hostile.Built();
        Assert.Contains("[NG2005]", result.Stderr); // each unsafe link is named, as a warning

        var pages = Directory.EnumerateFiles(_hostile.Site.Out, "*.html", SearchOption.AllDirectories).ToList();
        Assert.Equal(_hostile.Before.Keys.Count(k => k.EndsWith(".html", StringComparison.Ordinal)), pages.Count); // every page was built
        foreach (var file in pages)
        {
            var page = Html.Load(file);
            var where = Path.GetRelativePath(_hostile.Site.Out, file);
            Assert.True(page.QuerySelectorAll("script, iframe, object, embed, base").Length == 0, $"{where} has an element that loads code");
            foreach (var element in page.All)
            {
                foreach (var attribute in element.Attributes)
                {
                    Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{where}: <{element.LocalName} {attribute.Name}>");
                    Assert.False(UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase) && RunsCode(attribute.Value),
                        $"{where}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                    Assert.False(attribute.Name == "style" && attribute.Value.Contains("javascript", StringComparison.OrdinalIgnoreCase), $"{where}: style");
                }
            }
        }

        // What was written is still there to read, as text.
        var web = Html.Page(_hostile.Site, "web/");
        var covers = web.GetElementById("covers")!.TextContent;
        Assert.Contains("<script>alert(1)</script>", covers);
        Assert.Contains("<img src=x onerror=alert(2)>", covers);
        Assert.Contains("Acme <script>alert(25)</script> Notice", web.QuerySelector("h1")!.TextContent);
        Assert.Contains("Write to dpo@acme.test\"><script>alert(27)</script>.", covers);
    }

    /// <summary>Whether a URL runs code, as a browser reads it: controls and whitespace dropped, case ignored, entities decoded by the parser.</summary>
    private static bool RunsCode(string url)
    {
        var scheme = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        return scheme.StartsWith("javascript:", StringComparison.Ordinal) || scheme.StartsWith("vbscript:", StringComparison.Ordinal)
            || scheme.StartsWith("data:", StringComparison.Ordinal);
    }
}
