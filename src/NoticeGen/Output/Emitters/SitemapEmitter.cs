using System.Text;
using System.Xml;
using NoticeGen.Load;

namespace NoticeGen.Output;

/// <summary>
/// sitemap.xml and robots.txt. The sitemap lists the index and every current page with its last-updated date as
/// lastmod (never the build time, so an unchanged page never looks new). A sitemap needs absolute addresses, so it is
/// written only when site.yml gives base_url; robots.txt then points to it.
/// </summary>
public sealed class SitemapEmitter : IEmitter
{
    public const string SitemapFile = "sitemap.xml";
    public const string RobotsFile = "robots.txt";
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public string Name => "sitemap";

    public void Emit(EmitContext context)
    {
        var build = context.Build;
        var baseUrl = build.Chrome.BaseUrl;
        context.Files.Write(RobotsFile, "User-agent: *\nAllow: /\n" + (baseUrl is { Length: > 0 } ? $"Sitemap: {SiteLayout.Absolute(baseUrl, SitemapFile)}\n" : string.Empty));
        if (baseUrl is not { Length: > 0 })
        {
            return;
        }

        var entries = new List<(string Path, DateOnly? LastModified)>();
        var inForce = build.Timeline.Current;
        var stamps = build.Current.Pages
            .Select(p => (Path: context.Layout.Page(p.Plan.Key), Stamp: inForce is null ? null : build.Histories.GetValueOrDefault(p.Plan.Key)?.At(inForce)?.Stamp))
            .ToList();
        entries.Add((string.Empty, stamps.Select(s => s.Stamp?.LastUpdated).Max()));
        entries.AddRange(stamps.Select(s => (s.Path, s.Stamp?.LastUpdated)));

        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            foreach (var (path, modified) in entries)
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, SiteLayout.Absolute(baseUrl, path));
                if (modified is { } date)
                {
                    xml.WriteElementString("lastmod", Namespace, Dates.Iso(date));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        context.Files.Write(SitemapFile, Encoding.UTF8.GetString(stream.ToArray()) + "\n");
    }
}
