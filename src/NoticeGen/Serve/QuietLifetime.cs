using Microsoft.Extensions.Hosting;

namespace NoticeGen.Serve;

/// <summary>A host lifetime that leaves Ctrl+C and SIGTERM to serve, which stops the server, the watcher and the builds in order.</summary>
internal sealed class QuietLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
