using System.Net;
using System.Net.Sockets;

namespace NoticeGen.Tests.Browser;

/// <summary>Serves a built site on a loopback port the way a static host does (folder URLs serve index.html), so pretty links can be followed.</summary>
public sealed class StaticServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly Task _loop;

    public StaticServer(string root)
    {
        _root = Path.GetFullPath(root);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public string BaseUrl { get; }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var relative = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
            var file = Path.GetFullPath(Path.Combine(_root, relative));
            if (Directory.Exists(file))
            {
                file = Path.Combine(file, "index.html");
            }

            if (!file.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(file))
            {
                context.Response.StatusCode = 404;
                context.Response.Close();
                continue;
            }

            context.Response.ContentType = Path.GetExtension(file) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".xml" => "application/atom+xml; charset=utf-8",
                _ => "application/octet-stream",
            };
            var bytes = await File.ReadAllBytesAsync(file);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
