namespace NoticeGen.Check;

/// <summary>A place in a source file: path relative to the site folder, 1-based line and column.</summary>
public sealed record SourceSpan(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";

    /// <summary>A span for a whole file, when no finer position is known.</summary>
    public static SourceSpan StartOf(string file) => new(file, 1, 1);

    /// <summary>The line and column of a 0-based character index in a file's text.</summary>
    public static SourceSpan At(string file, string text, int index)
    {
        var before = text.AsSpan(0, index);
        return new SourceSpan(file, before.Count('\n') + 1, index - (before.LastIndexOf('\n') + 1) + 1);
    }
}

/// <summary>How bad a diagnostic is: errors stop the build, warnings do not.</summary>
public enum Severity
{
    Error,
    Warning,
}

/// <summary>One problem a user can fix: where it is, what is wrong and what to do about it.</summary>
public sealed record Diagnostic(Severity Severity, SourceSpan Where, string Message, string Fix)
{
    public static Diagnostic Error(SourceSpan where, string message, string fix) => new(Severity.Error, where, message, fix);

    public static Diagnostic Warning(SourceSpan where, string message, string fix) => new(Severity.Warning, where, message, fix);

    /// <summary>One line, in the compiler format editors and CI annotate: file:line:column: error: what. what to do.</summary>
    public override string ToString()
    {
        var level = Severity == Severity.Error ? "error" : "warning";
        return $"{Where}: {level}: {Message} {Fix}".TrimEnd();
    }
}

/// <summary>Thrown when the input has errors a user must fix; carries every error found, never a stack trace for the user.</summary>
public sealed class UserErrorException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;

    public UserErrorException(Diagnostic diagnostic) : this([diagnostic])
    {
    }
}

/// <summary>
/// Collects diagnostics so that a user sees every error at once, not one per run. Stages running on several threads
/// report into the same bag; <see cref="Items"/> lists them in a fixed order (by file, line, column), whatever the timing.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly HashSet<Diagnostic> _items = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<Diagnostic> Items
    {
        get
        {
            lock (_lock)
            {
                return _items.Order(DiagnosticOrder.Instance).ToList();
            }
        }
    }

    public bool HasErrors
    {
        get
        {
            lock (_lock)
            {
                return _items.Any(d => d.Severity == Severity.Error);
            }
        }
    }

    /// <summary>Adds a diagnostic once: a shared fragment rendered on many pages reports its problem a single time.</summary>
    public void Add(Diagnostic diagnostic)
    {
        lock (_lock)
        {
            _items.Add(diagnostic);
        }
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    public void Error(SourceSpan where, string message, string fix) => Add(Diagnostic.Error(where, message, fix));

    public void Warning(SourceSpan where, string message, string fix) => Add(Diagnostic.Warning(where, message, fix));

    /// <summary>Stops the stage when it found errors; warnings travel on with the result.</summary>
    public void ThrowIfErrors()
    {
        if (HasErrors)
        {
            throw new UserErrorException(Items.Where(d => d.Severity == Severity.Error).ToList());
        }
    }
}

/// <summary>The order diagnostics are reported in: by file, line and column, then severity and message.</summary>
public sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    public static readonly DiagnosticOrder Instance = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var order = string.CompareOrdinal(x.Where.File, y.Where.File);
        order = order != 0 ? order : x.Where.Line.CompareTo(y.Where.Line);
        order = order != 0 ? order : x.Where.Column.CompareTo(y.Where.Column);
        order = order != 0 ? order : x.Severity.CompareTo(y.Severity);
        return order != 0 ? order : string.CompareOrdinal(x.Message, y.Message);
    }
}
