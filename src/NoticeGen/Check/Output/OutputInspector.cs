using System.Collections.Concurrent;
using System.Text;

namespace NoticeGen.Check.Output;

/// <summary>
/// Runs the output checks over a build as it is written: each HTML page is read once, when it is written, and shown to
/// every check; when the build is complete, checks that span pages finish. Safe to call from the emitters' threads.
/// </summary>
public sealed class OutputInspector(IReadOnlyList<IOutputCheck> checks, DiagnosticSink sink, string label, LinkSources? sources = null)
{
    private readonly ConcurrentDictionary<string, byte> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    public IReadOnlyList<IOutputCheck> Checks => checks;

    /// <summary>
    /// Called for every file written; pages are checked at once, other files are only counted as existing.
    /// <paramref name="text"/> is the page as text when the writer had it, so that it is not decoded again.
    /// </summary>
    public void Written(string path, ReadOnlySpan<byte> bytes, string? text = null)
    {
        _files.TryAdd(path, 0);
        if (!path.EndsWith(".html", StringComparison.Ordinal))
        {
            return;
        }

        var page = OutputPage.Read(path, label.Length == 0 ? path : label + "/" + path, text ?? Encoding.UTF8.GetString(bytes));
        // Kept to the end for links from other pages; most ids ("contact", "ng-toc-title") recur on every page, held once.
        var ids = new HashSet<string>(page.Ids.Count, StringComparer.Ordinal);
        foreach (var id in page.Ids)
        {
            ids.Add(_strings.GetOrAdd(id, id));
        }

        _ids[path] = ids;
        foreach (var check in checks)
        {
            check.Inspect(page, sink);
        }
    }

    /// <summary>Runs what spans pages, once every file is written.</summary>
    public void Finish()
    {
        var site = new OutputSite(_files.Keys.ToHashSet(StringComparer.Ordinal), _ids, sources);
        foreach (var check in checks)
        {
            check.Finish(site, sink);
        }
    }
}
