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

/// <summary>One problem a user can fix: its kind (a stable code), how bad it is, where it is, what is wrong and what to do.</summary>
public sealed record Diagnostic(DiagnosticCode Code, Severity Severity, SourceSpan Where, string Message, string Fix)
{
    /// <summary>
    /// One line, in the compiler format editors and CI annotate, the code last:
    /// "file:line:column: error: what is wrong. What to do. [NG2004]".
    /// </summary>
    public override string ToString()
    {
        var level = Severity == Severity.Error ? "error" : "warning";
        return OneLine($"{Where}: {level}: {$"{Message} {Fix}".TrimEnd()} [{Code.Code}]");
    }

    /// <summary>
    /// A finding quotes what the user wrote (a link, a template expression, a file name), which may hold a line break, a
    /// control character or an invisible formatting character; shown escaped, so that a finding stays one line and nothing
    /// invisible reaches the terminal. A right-to-left override (U+202E) in a quoted id would otherwise show the rest of
    /// the line backwards, location and code included.
    /// </summary>
    private static string OneLine(string text) =>
        text.Any(IsInvisible)
            ? string.Concat(text.Select(c => c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when IsInvisible(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            }))
            : text;

    private static bool IsInvisible(char c) => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    /// <summary>The same finding at another severity (site.yml's 'checks:' and --strict decide).</summary>
    public Diagnostic WithSeverity(Severity severity) => this with { Severity = severity };
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
/// The one place every stage reports to: loaders, renderers, the release store, the checks. A user sees every problem of
/// a run at once, in a fixed order (by file, line, column) whatever the threads' timing, at the severity the site's
/// <see cref="CheckPolicy"/> gives it. Stages that cannot go on throw <see cref="UserErrorException"/> with the sink's errors.
/// </summary>
public sealed class DiagnosticSink
{
    private readonly HashSet<Diagnostic> _items = [];
    private readonly Lock _lock = new();
    private CheckPolicy _policy = CheckPolicy.Default;

    /// <summary>How site.yml's 'checks:' and --strict treat findings; set once site.yml is read, it applies to what came before too.</summary>
    public CheckPolicy Policy
    {
        get => _policy;
        set
        {
            lock (_lock)
            {
                _policy = value;
            }
        }
    }

    /// <summary>Every finding at the severity the policy gives it (findings the policy turns off are left out), in order.</summary>
    public IReadOnlyList<Diagnostic> Items
    {
        get
        {
            lock (_lock)
            {
                return _items.Select(_policy.Apply).OfType<Diagnostic>().Order(DiagnosticOrder.Instance).ToList();
            }
        }
    }

    /// <summary>Every finding as it was reported, before the policy, in order: what a later run with its own policy can report again.</summary>
    public IReadOnlyList<Diagnostic> Found
    {
        get
        {
            lock (_lock)
            {
                return _items.Order(DiagnosticOrder.Instance).ToList();
            }
        }
    }

    public IReadOnlyList<Diagnostic> Errors => Items.Where(d => d.Severity == Severity.Error).ToList();

    public IReadOnlyList<Diagnostic> Warnings => Items.Where(d => d.Severity == Severity.Warning).ToList();

    /// <summary>Whether the run has failed: an error, or with --strict a warning.</summary>
    public bool HasErrors
    {
        get
        {
            // Not through Items: stages ask this often, and it needs no sorted copy of every finding.
            lock (_lock)
            {
                return _items.Any(d => _policy.Apply(d) is { } applied && (applied.Severity == Severity.Error || _policy.Strict));
            }
        }
    }

    /// <summary>Adds a finding once: a shared fragment rendered on many pages reports its problem a single time.</summary>
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

    public void Report(DiagnosticCode code, SourceSpan where, string message, string fix) => Add(code.At(where, message, fix));

    /// <summary>Runs a step that may stop on a user error, keeping its findings here; returns its result, or default when it stopped.</summary>
    public T? Collect<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (UserErrorException ex)
        {
            AddRange(ex.Diagnostics);
            return default;
        }
    }

    /// <summary>Stops the stage when the run has failed; warnings travel on.</summary>
    /// <remarks>
    /// The exception carries the failing findings as they were reported, before the policy: a sink that takes them back
    /// (every command's does) holds each once, where a warning that 'checks:' raises to an error was reported twice.
    /// </remarks>
    public void ThrowIfErrors()
    {
        if (HasErrors)
        {
            List<Diagnostic> failing;
            lock (_lock)
            {
                failing = [.. _items.Where(d => _policy.Apply(d) is { } applied && (applied.Severity == Severity.Error || _policy.Strict)).Order(DiagnosticOrder.Instance)];
            }

            throw new UserErrorException(failing);
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
