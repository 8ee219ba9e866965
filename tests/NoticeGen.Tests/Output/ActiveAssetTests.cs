using System.Text;
using NoticeGen.Tests.Hostile;

namespace NoticeGen.Tests.Output;

/// <summary>
/// A file of content/assets/ that a browser would run when opened at its address (a page, a script, an SVG with a
/// script, an event handler or a javascript: address) is refused at the file: published, it ran with the notices' own
/// origin, where no fragment's text can put code. Images, documents and inert SVGs are published as before.
/// </summary>
public sealed class ActiveAssetTests : IDisposable
{
    private const string Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">";

    private readonly HostileSite _hostile = new();

    public void Dispose() => _hostile.Dispose();

    [Theory]
    [InlineData("logo.svg", Svg + "<script>alert(1)</script></svg>", "holds a <script> element")]
    [InlineData("logo.svg", Svg + "<rect onload=\"alert(1)\"/></svg>", "holds an event handler (onload=)")]
    [InlineData("logo.svg", Svg + "<a xlink:href=\"jav&#x61;script:alert(1)\"><text>x</text></a></svg>", "holds a script address (xlink:href=\"javascript:alert(1)\")")]
    [InlineData("logo.svg", Svg + "<a><set attributeName=\"href\" to=\"javascript:alert(1)\"/><text>x</text></a></svg>", "holds a script address (to=\"javascript:alert(1)\")")]
    [InlineData("logo.svg", Svg + "<foreignObject><body xmlns=\"http://www.w3.org/1999/xhtml\">x</body></foreignObject></svg>", "holds a <foreignObject> element")]
    [InlineData("logo.svg", "<svg><rect width=\"5\"></svg>", "cannot be read as SVG")]
    [InlineData("terms.html", "<p>Terms</p><script>alert(1)</script>", "is a .html file, which a browser runs as a page or a script")]
    [InlineData("track.js", "alert(1)", "is a .js file")]
    public void A_file_that_would_run_code_is_refused_at_the_file(string name, string text, string expected)
    {
        _hostile.WriteBytes("content/assets/" + name, Encoding.UTF8.GetBytes(text));
        _hostile.Refused($"content/assets/{name}:1:1: error: This file {expected}", $"published at assets/{name}, it would run on the site's own address.", "[NG4006]");
    }

    [Fact]
    public void Images_documents_and_an_inert_svg_are_published()
    {
        var logo = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
            + Svg + "<rect width=\"5\" height=\"5\" style=\"fill:red\" opacity=\"0.5\"/><a xlink:href=\"https://example.com/\"><text>Acme</text></a></svg>";
        _hostile.WriteBytes("content/assets/logo.svg", Encoding.UTF8.GetBytes(logo));
        _hostile.WriteBytes("content/assets/policy.pdf", "%PDF-1.7\n"u8.ToArray());
        _hostile.Built();
        Assert.Equal(logo, File.ReadAllText(Path.Combine(_hostile.Site.Out, "assets", "logo.svg")));
        Assert.True(File.Exists(Path.Combine(_hostile.Site.Out, "assets", "policy.pdf")));
    }
}
