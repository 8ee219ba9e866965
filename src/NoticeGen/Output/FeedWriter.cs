using System.Text;
using System.Xml;
using NoticeGen.Build;
using NoticeGen.History;
using NoticeGen.Load;
using NoticeGen.Releases;

namespace NoticeGen.Output;

/// <summary>
/// Atom feeds of releases: one for the site, one per notice (its full page) and one per notice x audience, so a reader
/// can follow only what changes for them. Dates are release dates, never the clock, so feeds are reproducible.
/// </summary>
public sealed class FeedWriter(SiteBuild build)
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    private readonly SiteInfo site = build.Chrome;
    private readonly SiteLayout layout = build.Layout;

    /// <summary>The feed of one page (notice x audience): the releases that changed it, newest first.</summary>
    public string PageFeed(PageHistory history)
    {
        var plan = history.Latest.Page.Plan;
        var title = plan.Audience.IsEveryone ? plan.Notice.Title : $"{plan.Notice.Title} ({plan.Audience.Name})";
        var entries = history.Versions.Where(v => v.Changed).Reverse().Take(site.FeedEntries).Select(PageEntry).ToList();
        return Write(layout.Feed(history.Key), $"Changes to the {title}", layout.Page(history.Key), entries);
    }

    /// <summary>The site's feed: every release.</summary>
    public string SiteFeed() =>
        Write(SiteLayout.SiteFeed, $"Changes to the {site.Title}", SiteLayout.SiteChangelog, build.Timeline.Releases.Reverse().Take(site.FeedEntries).Select(SiteEntry).ToList());

    private FeedEntry PageEntry(PageVersion version)
    {
        var plan = version.Page.Plan;
        var key = plan.Key;
        var release = version.Release;
        var at = VersionLocation.Dated(release.Effective);
        if (version.Previous is null)
        {
            return new FeedEntry(layout.Page(key, at), release.Effective, $"{Dates.Long(release.Effective)}: {plan.Notice.Title} published",
                Paragraph(release.Summary));
        }

        var entry = RedlineEntry.Of(version);
        var redline = build.Redlines.Of(entry);
        var html = new StringBuilder(Paragraph(release.Summary)).Append(Paragraph(redline.SummaryText));
        if (build.MaterialChanges.Assess(entry, redline).Summary is { } material)
        {
            html.Append(Paragraph(char.ToUpperInvariant(material[0]) + material[1..] + "."));
        }

        var links = new LinkContext(layout.Page(key), key, k => layout.Page(k, at), _ => false, BaseUrl: site.BaseUrl, LastUpdated: version.Stamp.LastUpdated);
        foreach (var passage in redline.Passages)
        {
            html.Append("<h3>").Append(Escape(passage.SectionHeading)).Append("</h3>").Append(LinkResolver.Resolve(passage.Html, links));
        }

        return new FeedEntry(layout.Redline(key, release.Effective), release.Effective, $"{Dates.Long(release.Effective)}: {release.Summary}", html.ToString());
    }

    private FeedEntry SiteEntry(Release release)
    {
        var html = new StringBuilder(Paragraph(release.Summary));
        var items = build.Histories.Values
            .Where(p => p.Key.IsFullNotice && p.At(release) is { Changed: true })
            .Select(p => p.At(release)!)
            .Select(v => "<li>" + Escape(v.Page.Plan.Notice.Title) + ": " + (v.Previous is null ? "published" : "changed") + "</li>")
            .ToList();
        html.Append(items.Count == 0 ? Paragraph("No notice's text changed; this release confirms them as they are.") : "<ul>" + string.Concat(items) + "</ul>");
        return new FeedEntry(SiteLayout.SiteChangelogEntry(release.Effective), release.Effective, $"{Dates.Long(release.Effective)}: {release.Summary}", html.ToString());
    }

    private string Write(string feedPath, string title, string alternatePath, IReadOnlyList<FeedEntry> entries)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNs);
            xml.WriteElementString("title", AtomNs, title);
            xml.WriteElementString("id", AtomNs, Id(feedPath));
            xml.WriteElementString("updated", AtomNs, Timestamp(entries.Count == 0 ? build.Timeline.Releases[^1].Effective : entries.Max(e => e.Date)));
            Link(xml, "self", Url(feedPath, feedPath));
            Link(xml, "alternate", Url(feedPath, alternatePath));
            xml.WriteStartElement("author", AtomNs);
            xml.WriteElementString("name", AtomNs, site.Params.FirstOrDefault(p => p.Key == "organization").Value ?? site.Title);
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", AtomNs);
                xml.WriteElementString("title", AtomNs, entry.Title);
                xml.WriteElementString("id", AtomNs, Id(entry.Path));
                xml.WriteElementString("updated", AtomNs, Timestamp(entry.Date));
                Link(xml, "alternate", Url(feedPath, entry.Path));
                xml.WriteStartElement("content", AtomNs);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(entry.Html);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Link(XmlWriter xml, string rel, string href)
    {
        xml.WriteStartElement("link", AtomNs);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>Absolute when the site has a base_url (feed readers need it); otherwise relative to the feed itself.</summary>
    private string Url(string feedPath, string path) =>
        site.BaseUrl is { Length: > 0 } baseUrl ? SiteLayout.Absolute(baseUrl, path) : SiteLayout.Relative(feedPath[..(feedPath.LastIndexOf('/') + 1)], path);

    private string Id(string path) => site.BaseUrl is { Length: > 0 } baseUrl ? SiteLayout.Absolute(baseUrl, path) : "urn:noticegen:" + path;

    private static string Timestamp(DateOnly date) => Dates.Iso(date) + "T00:00:00Z";

    private static string Paragraph(string text) => "<p>" + Escape(text) + "</p>";

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);

    private sealed record FeedEntry(string Path, DateOnly Date, string Title, string Html);
}
