using System.Globalization;
using NoticeGen.Check;

namespace NoticeGen.Serve;

/// <summary>
/// One run of 'noticegen serve': builds the site with its draft, serves the last good build on 127.0.0.1, rebuilds on a
/// background task when a watched file changes (one build at a time; changes made during a build make the next), and
/// tells open pages to reload. Ends, exit code 0, when <c>stop</c> is cancelled (Ctrl+C or SIGTERM).
/// </summary>
internal sealed class ServeSession
{
    private readonly PreviewBuilder _builder;
    private readonly PreviewFolder _folder;
    private readonly TextWriter _output;
    private readonly bool _errorsOnly;

    /// <summary>Told apart from the builds of an earlier run, so that a page left open across a restart reloads too.</summary>
    private readonly string _session = Guid.NewGuid().ToString("N")[..8];

    private HashSet<string> _warnings = new(StringComparer.Ordinal);
    private string? _good;

    private ServeSession(PreviewBuilder builder, PreviewFolder folder, TextWriter output, bool errorsOnly)
    {
        _builder = builder;
        _folder = folder;
        _output = output;
        _errorsOnly = errorsOnly;
    }

    public static async Task<int> RunAsync(ServeOptions options, TextWriter output, CancellationToken stop)
    {
        var site = Path.GetFullPath(options.SiteDir);
        if (!Directory.Exists(site))
        {
            throw new UserErrorException(Codes.MissingFile.At(new SourceSpan("--site", 1, 1), $"The site folder {site} does not exist.",
                "Pass --site with the folder that holds site.yml, or run serve from it."));
        }

        output = TextWriter.Synchronized(output);
        using var folder = PreviewFolder.Create(site);
        using var changes = new ChangeBatcher(options.Quiet);

        // Watching starts before the first build, so that an edit saved while it runs makes a second.
        using var watcher = new SiteWatcher(site, changes.Add);
        var session = new ServeSession(new PreviewBuilder(options with { SiteDir = site }, folder.Path, folder.Kept), folder, output, options.ErrorsOnly);
        var live = new LiveState(await Task.Run(() => session.Build(1, []), CancellationToken.None));
        if (stop.IsCancellationRequested)
        {
            return 0;
        }

        PreviewServer server;
        try
        {
            server = await PreviewServer.StartAsync(options.Port, live, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }

        output.WriteLine($"Serving the site with its unreleased draft at {server.Url} (Ctrl+C stops).");
        var rebuilds = Task.Run(() => session.RebuildAsync(changes, live, stop), CancellationToken.None);
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C, SIGTERM, or the caller: stop in order below.
        }

        await server.DisposeAsync();
        await rebuilds;
        if (!options.ErrorsOnly)
        {
            output.WriteLine("Stopped.");
        }

        return 0;
    }

    private async Task RebuildAsync(ChangeBatcher changes, LiveState live, CancellationToken stop)
    {
        for (var number = 2; ; number++)
        {
            IReadOnlyList<string> changed;
            try
            {
                changed = await changes.NextAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            live.Publish(Build(number, changed));
        }
    }

    /// <summary>Builds, reports the outcome on the terminal, and returns what the server shows next.</summary>
    private ServeState Build(int number, IReadOnlyList<string> changed)
    {
        var outcome = _builder.Build(number);
        var id = string.Create(CultureInfo.InvariantCulture, $"{_session}-{number}");
        var cause = changed.Count switch
        {
            0 => string.Empty,
            <= 3 => $"{string.Join(", ", changed)} changed: ",
            _ => $"{changed.Count} files changed ({string.Join(", ", changed.Take(3))}, ...): ",
        };
        var still = _good is null ? "nothing to serve until a build succeeds" : "still serving the last good build";
        if (outcome.Bug is { } bug)
        {
            _output.WriteLine(Sentence(cause, $"the build stopped on a bug in NoticeGen ({still}): {bug}"));
            return new ServeState(id, _good, [], bug.Message);
        }

        if (!outcome.Succeeded)
        {
            _output.WriteLine(Sentence(cause, $"the build failed with {Count(outcome.Errors.Count, "error")} ({still}):"));
            foreach (var error in outcome.Errors)
            {
                _output.WriteLine(error.ToString());
            }

            return new ServeState(id, _good, outcome.Errors);
        }

        var previous = _good;
        _good = outcome.Folder!;
        _folder.RemoveBuildsBefore(_good, previous);
        var warnings = outcome.Warnings.Select(w => w.ToString()).ToHashSet(StringComparer.Ordinal);
        var fresh = number == 1 ? [] : warnings.Where(w => !_warnings.Contains(w)).ToList();
        _warnings = warnings;
        if (_errorsOnly)
        {
            return new ServeState(id, _good, []);
        }

        var seconds = outcome.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        _output.WriteLine(Sentence(cause, $"{(number == 1 ? "built" : "rebuilt")} {outcome.Files} files in {seconds} s"
            + (warnings.Count == 0 ? "." : $", {Count(warnings.Count, "warning")} ('noticegen check' lists them).")));
        foreach (var warning in fresh)
        {
            _output.WriteLine(warning);
        }

        return new ServeState(id, _good, []);
    }

    /// <summary>What changed, then what happened; the line starts with a capital when nothing is named before it.</summary>
    private static string Sentence(string cause, string rest) =>
        cause.Length > 0 ? cause + rest : char.ToUpperInvariant(rest[0]) + rest[1..];

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
