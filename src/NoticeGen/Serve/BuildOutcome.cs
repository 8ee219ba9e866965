using NoticeGen.Check;

namespace NoticeGen.Serve;

/// <summary>
/// One build of the preview: the folder it wrote and how many files (null and 0 when it failed), its errors and
/// warnings, how long it took, and a failure of the tool itself (a bug, kept with its stack trace for the terminal).
/// </summary>
public sealed record BuildOutcome(
    string? Folder, int Files, IReadOnlyList<Diagnostic> Errors, IReadOnlyList<Diagnostic> Warnings, TimeSpan Elapsed, Exception? Bug = null)
{
    public bool Succeeded => Folder is not null;
}
