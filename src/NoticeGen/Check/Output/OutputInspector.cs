using System.Collections.Concurrent;
using System.Text;
using AngleSharp.Html.Parser;

namespace NoticeGen.Check.Output;

/// <summary>
/// Runs the output checks over a build as it is written: each HTML page is parsed once, when it is written, and shown to
/// every check; when the build is complete, checks that span pages finish. Safe to call from the emitters' threads.
/// </summary>
public sealed class OutputInspector(IReadOnlyList<IOutputCheck> checks, DiagnosticSink sink, string label)
{
    private readonly ConcurrentDictionary<string, byte> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<HtmlParser> _parsers = [];

    public IReadOnlyList<IOutputCheck> Checks => checks;

    /// <summary>Called for every file written; pages are checked at once, other files are only counted as existing.</summary>
    public void Written(string path, byte[] bytes)
    {
        _files.TryAdd(path, 0);
        if (!path.EndsWith(".html", StringComparison.Ordinal))
        {
            return;
        }

        var parser = _parsers.TryTake(out var p) ? p : new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var document = parser.ParseDocument(Encoding.UTF8.GetString(bytes));
        _parsers.Add(parser);
        var page = new OutputPage(path, document, label.Length == 0 ? path : label + "/" + path);
        _ids[path] = document.All.Select(e => e.Id).OfType<string>()
            .Concat(document.QuerySelectorAll("a[name]").Select(a => a.GetAttribute("name")!))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var check in checks)
        {
            check.Inspect(page, sink);
        }
    }

    /// <summary>Runs what spans pages, once every file is written.</summary>
    public void Finish()
    {
        var site = new OutputSite(_files.Keys.ToHashSet(StringComparer.Ordinal), _ids);
        foreach (var check in checks)
        {
            check.Finish(site, sink);
        }
    }
}
