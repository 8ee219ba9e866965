using NoticeGen.Check;

namespace NoticeGen.Serve;

/// <summary>
/// What the server shows, swapped whole after each build: the id pages reload on, the folder of the last good build
/// (null until one succeeds), and, when the latest build failed, its errors (or the tool's own failure).
/// </summary>
public sealed record ServeState(string BuildId, string? Folder, IReadOnlyList<Diagnostic> Errors, string? InternalError = null)
{
    public bool Failed => Errors.Count > 0 || InternalError is not null;
}
