namespace NoticeGen.Check;

/// <summary>What site.yml's 'checks:' may make of a kind of finding.</summary>
public enum CheckSetting
{
    Off,
    Warning,
    Error,
}

/// <summary>
/// How a run treats findings: site.yml's 'checks:' turns a warning off or raises it to an error, by code; --strict makes
/// every warning stop the run. Errors stay errors: a page that cannot be built correctly is never published.
/// </summary>
public sealed record CheckPolicy(IReadOnlyDictionary<string, CheckSetting> Settings, bool Strict)
{
    public static CheckPolicy Default { get; } = new(new Dictionary<string, CheckSetting>(), false);

    /// <summary>The finding as this policy reports it; null when it is turned off.</summary>
    public Diagnostic? Apply(Diagnostic diagnostic)
    {
        if (diagnostic.Code.DefaultSeverity == Severity.Error || !Settings.TryGetValue(diagnostic.Code.Code, out var setting))
        {
            return diagnostic;
        }

        return setting switch
        {
            CheckSetting.Off => null,
            CheckSetting.Error => diagnostic.WithSeverity(Severity.Error),
            _ => diagnostic.WithSeverity(Severity.Warning),
        };
    }
}
