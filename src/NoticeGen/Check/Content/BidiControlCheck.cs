using System.Buffers;
using NoticeGen.Load;

namespace NoticeGen.Check.Content;

/// <summary>
/// Invisible characters that reorder the text around them: bidirectional overrides, embeddings and isolates. A reader
/// then sees words in another order than they are written ("Trojan Source"), so the notice says one thing on screen and
/// another to search, copy and paste, and redlines, which compare the written order. Right-to-left text (Hebrew,
/// Arabic) needs none of them: the browser orders it, and the direction marks (U+200E, U+200F, U+061C) are not reported.
/// </summary>
public sealed class BidiControlCheck : IContentCheck
{
    /// <summary>The characters reported, with their Unicode names.</summary>
    private static readonly Dictionary<char, string> Names = new()
    {
        ['\u202A'] = "LEFT-TO-RIGHT EMBEDDING",
        ['\u202B'] = "RIGHT-TO-LEFT EMBEDDING",
        ['\u202C'] = "POP DIRECTIONAL FORMATTING",
        ['\u202D'] = "LEFT-TO-RIGHT OVERRIDE",
        ['\u202E'] = "RIGHT-TO-LEFT OVERRIDE",
        ['\u2066'] = "LEFT-TO-RIGHT ISOLATE",
        ['\u2067'] = "RIGHT-TO-LEFT ISOLATE",
        ['\u2068'] = "FIRST STRONG ISOLATE",
        ['\u2069'] = "POP DIRECTIONAL ISOLATE",
    };

    private static readonly SearchValues<char> Controls = SearchValues.Create([.. Names.Keys]);

    public IReadOnlyList<DiagnosticCode> Codes { get; } = [Check.Codes.BidiControl];

    public void Run(ContentCheckContext context, DiagnosticSink sink)
    {
        var siteFile = Path.Combine(context.SiteDir, SiteLoader.FileName);
        if (SiteFiles.ReadText(context.SiteDir, siteFile, new DiagnosticSink()) is { } siteText)
        {
            Report(SiteLoader.FileName, siteText, sink);
        }

        foreach (var fragment in context.Working.Fragments)
        {
            Report(fragment.File, fragment.Source, sink);
        }
    }

    /// <summary>One finding per line that holds any (a hostile file may hold thousands), at the first of them.</summary>
    private static void Report(string file, string text, DiagnosticSink sink)
    {
        for (var at = text.AsSpan().IndexOfAny(Controls); at >= 0;)
        {
            var lineEnd = text.IndexOf('\n', at);
            var line = lineEnd < 0 ? text.AsSpan(at) : text.AsSpan(at, lineEnd - at);
            var count = CountIn(line);
            sink.Report(Check.Codes.BidiControl, SourceSpan.At(file, text, at),
                $"An invisible {Names[text[at]]} (U+{(int)text[at]:X4}) reorders the text after it{(count > 1 ? $", one of {count} such characters on this line" : string.Empty)}: readers see the words in another order than they are written, and search, copying and redlines read the written order.",
                "Delete it (editors that show invisible characters reveal it); right-to-left text needs no such character, as the browser orders it.");
            if (lineEnd < 0)
            {
                break;
            }

            var next = text.AsSpan(lineEnd).IndexOfAny(Controls);
            at = next < 0 ? -1 : lineEnd + next;
        }
    }

    private static int CountIn(ReadOnlySpan<char> line)
    {
        var count = 0;
        foreach (var c in line)
        {
            count += Controls.Contains(c) ? 1 : 0;
        }

        return count;
    }
}
