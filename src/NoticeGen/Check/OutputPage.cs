using AngleSharp.Dom;

namespace NoticeGen.Check;

/// <summary>One built HTML page: its path in the output ("websites/index.html"), its document, and how findings name it.</summary>
public sealed record OutputPage(string Path, IDocument Document, string Label)
{
    /// <summary>The page's folder in the output ("websites/"), from which its relative links are read.</summary>
    public string Folder => Path.Contains('/') ? Path[..(Path.LastIndexOf('/') + 1)] : string.Empty;

    /// <summary>Where an element stands in the built file, for a finding.</summary>
    public SourceSpan Where(IElement? element)
    {
        var position = element?.SourceReference?.Position;
        // Elements the parser supplies (an <html> or <body> the page never wrote) sit at 0:0, no place in the file.
        return position is { Line: > 0 } p ? new SourceSpan(Label, p.Line, Math.Max(1, p.Column)) : SourceSpan.StartOf(Label);
    }
}

/// <summary>Every file of a finished build, for checks that span pages: the paths written, and each page's element ids.</summary>
public sealed record OutputSite(IReadOnlySet<string> Files, IReadOnlyDictionary<string, IReadOnlySet<string>> Ids);
