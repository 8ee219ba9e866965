using NoticeGen.Check;
using NoticeGen.Render;

namespace NoticeGen.Import;

/// <summary>
/// Refuses a Markdown page nested deeper than NoticeGen renders (<see cref="MarkdownRenderer.MaxNesting"/> quotes or
/// lists, NG2007 in a build), before it is parsed: Markdig slows quadratically on a thousand lines each indented a
/// level deeper and then throws, unlocated, as it does on thousands of nested quotes. The rule is the renderer's, so an
/// imported page is refused here, at its line, exactly when its fragment would fail the build.
/// </summary>
internal static class MarkdownNesting
{
    public static void Check(string file, string markdown)
    {
        if (Deepest(markdown) is { } deep)
        {
            throw new UserErrorException(Codes.ImportSource.At(new SourceSpan(file, deep.Line, 1),
                $"This line nests quotes or lists {deep.Depth} deep, more than the {MarkdownRenderer.MaxNesting} NoticeGen allows.",
                "Flatten the structure: a notice needs a few levels of lists at most; then import the page again."));
        }
    }

    /// <summary>
    /// The first line whose quote and list markers nest deeper than the limit: each marker at the start of a line is a
    /// level, and the indentation before a line's first marker a level per two columns (a list nests by indentation too).
    /// </summary>
    private static (int Line, int Depth)? Deepest(string markdown)
    {
        var line = 1;
        var depth = 0;
        var indent = 0;
        var atStart = true;
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '\n')
            {
                (line, depth, indent, atStart) = (line + 1, 0, 0, true);
                continue;
            }

            if (!atStart)
            {
                continue;
            }

            if (c is ' ' or '\t')
            {
                indent += depth > 0 ? 0 : c == '\t' ? 4 - (indent % 4) : 1;
                continue;
            }

            var marker = c == '>' || (c is '-' or '+' or '*' && i + 1 < markdown.Length && markdown[i + 1] is ' ' or '\t');
            if (!marker && char.IsAsciiDigit(c))
            {
                var j = i;
                while (j < markdown.Length && char.IsAsciiDigit(markdown[j]))
                {
                    j++;
                }

                marker = j + 1 < markdown.Length && markdown[j] is '.' or ')' && markdown[j + 1] is ' ' or '\t';
                i = marker ? j : i;
            }

            if (!marker)
            {
                atStart = false;
                continue;
            }

            depth = depth == 0 ? (indent / 2) + 1 : depth + 1;
            if (depth > MarkdownRenderer.MaxNesting)
            {
                return (line, depth);
            }
        }

        return null;
    }
}
