using System.CommandLine;
using System.Runtime.InteropServices;
using NoticeGen.Build;
using NoticeGen.Check;
using NoticeGen.Load;
using NoticeGen.Serve;

namespace NoticeGen.Cli;

/// <summary>
/// noticegen serve: a live preview for editors. Serves the site on 127.0.0.1 with the working text as a draft beside the
/// release in force, rebuilds when site.yml, content/, templates/ or rules/ change, reloads open pages, and shows a
/// failed build's errors over the last good build. Ctrl+C stops it (exit code 0).
/// </summary>
public static class ServeCommand
{
    public static Command Create(Option<DirectoryInfo> siteOption, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, Func<DateTimeOffset> clock)
    {
        var portOption = new Option<int>("--port")
        {
            Description = $"The port on 127.0.0.1 to serve on; 0 picks a free one. Default: {ServeOptions.DefaultPort}.",
            DefaultValueFactory = _ => ServeOptions.DefaultPort,
        };
        var nowOption = Program.NowOption();
        var threadsOption = Program.ThreadsOption();
        var command = new Command("serve", "Preview the site while you edit: serves it on 127.0.0.1 with the unreleased draft beside the release in force, rebuilds when a file changes, reloads open pages, and shows build errors on the page. Ctrl+C stops it.\n\nExample: noticegen serve --port 5080")
        {
            portOption, nowOption, threadsOption,
        };
        command.SetAction(async (result, cancel) =>
        {
            try
            {
                var site = result.GetValue(siteOption)!.FullName;
                var now = result.GetValue(nowOption);
                var epoch = environment("SOURCE_DATE_EPOCH");

                // Refuses a bad --now or SOURCE_DATE_EPOCH before anything starts; each build asks again, so the date follows the clock.
                BuildRequest.ResolveToday(now, epoch, clock);
                var port = result.GetValue(portOption);
                if (port is < 0 or > 65535)
                {
                    throw new UserErrorException(Codes.Option.At(new SourceSpan("--port", 1, 1), $"--port {port} is not a port number.",
                        $"Pass a number from 1 to 65535 (default {ServeOptions.DefaultPort}), or 0 for any free port."));
                }

                var options = new ServeOptions(site, port, () => BuildRequest.ResolveToday(now, epoch, clock), Program.Threads(result.GetValue(threadsOption)))
                {
                    ErrorsOnly = result.GetValue(Program.QuietOption),
                };

                // Ctrl+C and SIGTERM (a process manager, 'docker stop') stop serve in order, exit code 0, rather than killing it
                // mid-build with its preview folder left behind.
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
                using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
                return await RunAsync(options, stdout, stop.Token);

                void Stop(PosixSignalContext signal)
                {
                    signal.Cancel = true;
                    stop.Cancel();
                }
            }
            catch (UserErrorException ex)
            {
                Program.Report(stderr, ex.Diagnostics);
                stderr.WriteLine($"noticegen: {ex.Diagnostics.Count} error(s); serve did not start.");
                return Program.UserError;
            }
        });
        return command;
    }

    /// <summary>
    /// Runs serve until <paramref name="cancel"/> fires and returns its exit code (0); progress and build errors go to
    /// <paramref name="output"/>. Throws <see cref="UserErrorException"/> when it cannot start (a missing site folder, a port in use).
    /// </summary>
    internal static Task<int> RunAsync(ServeOptions options, TextWriter output, CancellationToken cancel) =>
        ServeSession.RunAsync(options, output, cancel);
}
