namespace NoticeGen.Tests.TestSupport;

/// <summary>Finds links between a built site's pages that lead nowhere: a missing page, or a missing #anchor on it.</summary>
public static class LinkChecker
{
    public static IReadOnlyList<string> Broken(string outDir)
    {
        var root = Path.GetFullPath(outDir);
        var pages = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories).ToDictionary(f => f, Html.Load);
        var broken = new List<string>();
        foreach (var (file, page) in pages)
        {
            foreach (var href in page.QuerySelectorAll("a[href], link[href]").Select(a => a.GetAttribute("href")!))
            {
                if (System.Text.RegularExpressions.Regex.IsMatch(href, "^[a-zA-Z][a-zA-Z0-9+.-]*:"))
                {
                    continue;
                }

                var hash = href.IndexOf('#');
                var (path, anchor) = hash < 0 ? (href, null) : (href[..hash], href[(hash + 1)..]);
                var target = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
                if (Directory.Exists(target))
                {
                    target = Path.Combine(target, "index.html");
                }

                var where = Path.GetRelativePath(root, file);
                if (!target.StartsWith(root, StringComparison.Ordinal) || !File.Exists(target))
                {
                    broken.Add($"{where}: {href} (no such page)");
                }
                else if (anchor is { Length: > 0 } && pages.TryGetValue(target, out var targetPage) && targetPage.GetElementById(anchor) is null)
                {
                    broken.Add($"{where}: {href} (no such anchor)");
                }
            }
        }

        return broken;
    }
}
