using System.Text;
using System.Xml;
using NoticeGen.Compose;
using NoticeGen.Redline;
using NoticeGen.History;
using NoticeGen.Releases;
using NoticeGen.Load;

namespace NoticeGen.Output;

/// <summary>
/// Atom feeds of releases: one for the site, one per notice (its full page) and one per notice x audience, so a reader
/// can follow only what changes for them. Dates are release dates, never the clock, so feeds are reproducible.
/// </summary>
public sealed class FeedWriter(SiteHistory history, RedlineCache redlines, SiteInfo site)
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    public IEnumerable<(string Path, string Xml)> Feeds()
    {
        foreach (var page in history.Pages.Values.OrderBy(p => p.Key.NoticeId, StringComparer.Ordinal).ThenBy(p => p.Key.AudienceId, StringComparer.Ordinal))
        {
            var plan = page.Versions[^1].Page.Plan;
            var title = plan.Audience.IsEveryone ? plan.Notice.Title : $"{plan.Notice.Title} ({plan.Audience.Name})";
            var entries = page.Versions.Where(v => v.Changed).Reverse().Select(v => PageEntry(v)).ToList();
            yield return (plan.CurrentPath + "feed.xml", Write(plan.CurrentPath + "feed.xml", $"Changes to the {title}", plan.CurrentPath, entries));
        }

        var siteEntries = history.Releases.Reverse().Select(SiteEntry).ToList();
        yield return ("feed.xml", Write("feed.xml", $"Changes to the {site.Title}", "changes/", siteEntries));
    }

    private FeedEntry PageEntry(PageVersion version)
    {
        var plan = version.Page.Plan;
        var release = version.Release;
        if (version.Previous is null)
        {
            return new FeedEntry(plan.CurrentPath + release.Segment, release.Effective, $"{Dates.Long(release.Effective)}: {plan.Notice.Title} published",
                Paragraph(release.Summary));
        }

        var entry = RedlineEntry.Of(version);
        var diff = redlines.Diff(entry);
        var html = new StringBuilder(Paragraph(release.Summary)).Append(Paragraph(diff.Summary.Describe()));
        var feedFolder = plan.CurrentPath;
        foreach (var passage in diff.ChangedBlocks())
        {
            html.Append("<h3>").Append(Escape(passage.SectionHeading)).Append("</h3>")
                .Append(LinkRebaser.Rebase(passage.Html, version.Page.Plan.Path, plan.CurrentPath + release.Segment, feedFolder, site.BaseUrl));
        }

        return new FeedEntry(entry.Path, release.Effective, $"{Dates.Long(release.Effective)}: {release.Summary}", html.ToString());
    }

    private FeedEntry SiteEntry(Release release)
    {
        var html = new StringBuilder(Paragraph(release.Summary));
        var items = history.Pages.Values
            .Where(p => p.Key.AudienceId == Audience.EveryoneId && p.At(release) is { Changed: true })
            .Select(p => p.At(release)!)
            .Select(v => "<li>" + Escape(v.Page.Plan.Notice.Title) + ": " + (v.Previous is null ? "published" : "changed") + "</li>")
            .ToList();
        html.Append(items.Count == 0 ? Paragraph("No notice's text changed; this release confirms them as they are.") : "<ul>" + string.Concat(items) + "</ul>");
        return new FeedEntry("changes/#release-" + Dates.Iso(release.Effective), release.Effective, $"{Dates.Long(release.Effective)}: {release.Summary}", html.ToString());
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
            xml.WriteElementString("updated", AtomNs, Timestamp(entries.Count == 0 ? history.Releases[^1].Effective : entries.Max(e => e.Date)));
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
        site.BaseUrl is { Length: > 0 } baseUrl ? baseUrl.TrimEnd('/') + "/" + path : PagePaths.Relative(feedPath[..(feedPath.LastIndexOf('/') + 1)], path);

    private string Id(string path) => site.BaseUrl is { Length: > 0 } baseUrl ? baseUrl.TrimEnd('/') + "/" + path : "urn:noticegen:" + path;

    private static string Timestamp(DateOnly date) => Dates.Iso(date) + "T00:00:00Z";

    private static string Paragraph(string text) => "<p>" + Escape(text) + "</p>";

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);

    private sealed record FeedEntry(string Path, DateOnly Date, string Title, string Html);
}
