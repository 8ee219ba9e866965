using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using NoticeGen.Cli;
using NoticeGen.Serve;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Serve;

/// <summary>
/// 'noticegen serve' running in-process on a free port for one test: its terminal output, its URL, an HTTP client, and
/// a way to wait until a served page shows something. Stopping it (or disposing) cancels it as Ctrl+C does.
/// </summary>
internal sealed partial class RunningServe : IAsyncDisposable
{
    /// <summary>The longest a rebuild may take to show: the brief's "within a few seconds", with room for a busy machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stop = new();
    private readonly LineWriter _output = new();

    private RunningServe(Task<int> run, string url)
    {
        Run = run;
        Url = url;
    }

    public Task<int> Run { get; private set; }

    public string Url { get; private set; }

    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public string Output => _output.ToString();

    public static async Task<RunningServe> StartAsync(TempSite site, bool errorsOnly = false)
    {
        var serve = new RunningServe(Task.FromResult(-1), string.Empty);
        var options = new ServeOptions(site.Dir, 0, () => DateOnly.FromDateTime(TestSupport.Cli.FixedClock.UtcDateTime)) { ErrorsOnly = errorsOnly };
        serve.Run = Task.Run(() => ServeCommand.RunAsync(options, serve._output, serve._stop.Token));

        // The first build comes before the server starts; on a loaded machine it may take a while.
        var line = await serve._output.WaitForAsync(l => l.StartsWith("Serving ", StringComparison.Ordinal), TimeSpan.FromSeconds(120), serve.Run);
        serve.Url = UrlPattern().Match(line).Value;
        Assert.StartsWith("http://127.0.0.1:", serve.Url);
        return serve;
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(Url + path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Polls a page until <paramref name="shows"/> holds, failing with the last page and the terminal output after <see cref="Patience"/>.</summary>
    public async Task<string> WaitForPageAsync(string path, Func<string, bool> shows, string what)
    {
        var clock = Stopwatch.StartNew();
        var body = string.Empty;
        while (clock.Elapsed < Patience)
        {
            (_, body) = await GetAsync(path);
            if (shows(body))
            {
                return body;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"After {Patience.TotalSeconds} s, /{path} still does not show {what}.\nTerminal:\n{Output}\nPage:\n{body}");
        return body;
    }

    /// <summary>Stops serve as Ctrl+C does and returns its exit code; fails if it does not end promptly.</summary>
    public async Task<int> StopAsync()
    {
        _stop.Cancel();
        var ended = await Task.WhenAny(Run, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(ended == Run, $"serve did not stop within 10 s of the cancel.\nTerminal:\n{Output}");
        return await Run;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted)
        {
            _stop.Cancel();
            await Task.WhenAny(Run, Task.Delay(TimeSpan.FromSeconds(10)));
        }

        Http.Dispose();
        _stop.Dispose();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex UrlPattern();
}
