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
        if (MarkdownRenderer.DeepestNesting(markdown) is { } deep)
        {
            throw new UserErrorException(Codes.ImportSource.At(new SourceSpan(file, deep.Line, 1),
                $"This line nests quotes or lists {deep.Depth} deep, more than the {MarkdownRenderer.MaxNesting} NoticeGen allows.",
                "Flatten the structure: a notice needs a few levels of lists at most; then import the page again."));
        }
    }
}
