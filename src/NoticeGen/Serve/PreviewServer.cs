using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NoticeGen.Check;

namespace NoticeGen.Serve;

/// <summary>
/// Kestrel on 127.0.0.1 only, with no logging, no HTTPS and no signal handling of its own (serve decides when to stop),
/// answering every request with <see cref="PreviewRequests"/>.
/// </summary>
internal sealed class PreviewServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PreviewServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The address it listens on, ending in '/', e.g. http://127.0.0.1:5080/.</summary>
    public string Url { get; }

    /// <summary>Starts listening; a port that is taken or refused is the user's to change, reported at --port.</summary>
    public static async Task<PreviewServer> StartAsync(int port, LiveState live, CancellationToken stopping)
    {
        // Configuration from the site folder (appsettings.json) or the environment (ASPNETCORE_URLS) must not move the server.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        var app = builder.Build();
        app.Run(new PreviewRequests(live, stopping).HandleAsync);
        try
        {
            await app.StartAsync(stopping);
        }
        catch (Exception ex) when (ex is IOException or SocketException or AddressInUseException)
        {
            await app.DisposeAsync();
            throw new UserErrorException(Codes.Option.At(new SourceSpan("--port", 1, 1),
                $"noticegen serve cannot listen on 127.0.0.1 port {port}: {ex.Message.TrimEnd('.')}.",
                "Pass --port with another number, or --port 0 for any free port."));
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PreviewServer(app, address.TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        // Open event streams end with serve's stopping token; a request still running after this long is cut.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
