using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NoticeGen.Bench.SiteGen;

/// <summary>
/// Checks that the Hugo counterpart is fair: both builds publish the same page URLs, and a sample of pages has the same
/// title, the same sections (id, numbered heading) in the same order and the same words in each section.
/// </summary>
public static class OutputComparer
{
    public static int Compare(string noticegen, string hugo, int sample, TextWriter output)
    {
        var ours = PageUrls(noticegen);
        var theirs = PageUrls(hugo);
        var problems = new List<string>();
        problems.AddRange(ours.Except(theirs).Take(5).Select(u => $"{u}: published by NoticeGen only"));
        problems.AddRange(theirs.Except(ours).Take(5).Select(u => $"{u}: published by Hugo only"));

        var common = ours.Intersect(theirs).Order(StringComparer.Ordinal).ToList();
        var step = Math.Max(1, (common.Count + sample - 1) / Math.Max(1, sample));
        var parser = new HtmlParser();
        var compared = 0;
        for (var i = 0; i < common.Count && problems.Count < 20; i += step)
        {
            compared++;
            var url = common[i];
            var a = Read(parser, noticegen, url, NoticeGenSections);
            var b = Read(parser, hugo, url, HugoSections);
            problems.AddRange(Differences(url, a, b));
        }

        if (problems.Count > 0)
        {
            output.WriteLine($"compare: the NoticeGen and Hugo builds differ ({ours.Count} and {theirs.Count} pages):");
            foreach (var problem in problems)
            {
                output.WriteLine($"  {problem}");
            }

            return 1;
        }

        output.WriteLine($"compare: same {ours.Count} page URLs; {compared} sampled pages have the same title, sections and words");
        return 0;
    }

    /// <summary>Every page but the index, as its URL path: the folders holding an index.html.</summary>
    private static HashSet<string> PageUrls(string root) =>
        Directory.EnumerateFiles(root, "index.html", SearchOption.AllDirectories)
            .Select(f => "/" + Path.GetRelativePath(root, Path.GetDirectoryName(f)!).Replace('\\', '/') + "/")
            .Where(u => u != "/./")
            .ToHashSet(StringComparer.Ordinal);

    private sealed record Section(string Id, string Heading, IReadOnlyList<string> Words);

    private sealed record Page(string Title, IReadOnlyList<Section> Sections);

    private static Page Read(HtmlParser parser, string root, string url, Func<IElement, List<Section>> sections)
    {
        var document = parser.ParseDocument(File.ReadAllText(Path.Combine(root, url.Trim('/'), "index.html")));
        var article = document.QuerySelector("article.notice") ?? throw new InvalidDataException($"{root}{url} has no article.notice");
        return new Page(Normalize(document.QuerySelector("h1")?.TextContent ?? string.Empty), sections(article));
    }

    private static List<Section> NoticeGenSections(IElement article) =>
        article.Children.Where(e => e.LocalName == "section").Select(s => new Section(
            s.Id ?? string.Empty,
            Normalize(s.QuerySelector("h2")?.TextContent ?? string.Empty),
            s.Children.Where(c => !c.ClassList.Contains("section-head")).SelectMany(c => Words(c.TextContent)).ToList())).ToList();

    private static List<Section> HugoSections(IElement article)
    {
        var sections = new List<Section>();
        foreach (var element in article.Children)
        {
            if (element.LocalName == "h2")
            {
                sections.Add(new Section(element.Id ?? string.Empty, Normalize(element.TextContent), []));
            }
            else if (sections.Count > 0)
            {
                sections[^1] = sections[^1] with { Words = [.. sections[^1].Words, .. Words(element.TextContent)] };
            }
        }

        return sections;
    }

    private static IEnumerable<string> Differences(string url, Page a, Page b)
    {
        if (a.Title != b.Title)
        {
            yield return $"{url}: title '{a.Title}' (NoticeGen) vs '{b.Title}' (Hugo)";
        }

        if (!a.Sections.Select(s => s.Id).SequenceEqual(b.Sections.Select(s => s.Id)))
        {
            yield return $"{url}: sections [{string.Join(' ', a.Sections.Select(s => s.Id))}] (NoticeGen) vs [{string.Join(' ', b.Sections.Select(s => s.Id))}] (Hugo)";
            yield break;
        }

        foreach (var (x, y) in a.Sections.Zip(b.Sections))
        {
            if (x.Heading != y.Heading)
            {
                yield return $"{url}#{x.Id}: heading '{x.Heading}' (NoticeGen) vs '{y.Heading}' (Hugo)";
            }

            var at = x.Words.Zip(y.Words).TakeWhile(p => p.First == p.Second).Count();
            if (at < x.Words.Count || at < y.Words.Count)
            {
                yield return $"{url}#{x.Id}: words differ from word {at + 1}: '{string.Join(' ', x.Words.Skip(at).Take(6))}' (NoticeGen) vs '{string.Join(' ', y.Words.Skip(at).Take(6))}' (Hugo)";
            }
        }
    }

    private static string Normalize(string text) => string.Join(' ', Words(text));

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
