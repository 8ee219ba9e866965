using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using NoticeGen.Output;

namespace NoticeGen.Serve;

/// <summary>
/// Answers every request of the preview: the files of the last good build the way a static host serves them (a folder's
/// index.html, a folder URL without its '/' redirected), HTML pages with the reload script (and the error overlay while
/// the latest build failed) added as they are sent, and serve's own script, style and reload event stream.
/// </summary>
internal sealed class PreviewRequests(LiveState live, CancellationToken stopping)
{
    /// <summary>How often an idle event stream sends a comment, so that a closed tab's connection is noticed and freed.</summary>
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly FileExtensionContentTypeProvider _types = new();

    public Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = "GET, HEAD";
            return Task.CompletedTask;
        }

        // Nothing served is ever cached: each request shows the latest build.
        http.Response.Headers.CacheControl = "no-store";
        var path = request.Path.Value ?? "/";
        return path switch
        {
            ServeAssets.EventsPath => EventsAsync(http),
            ServeAssets.ScriptPath => BytesAsync(http, ServeAssets.Script, "text/javascript; charset=utf-8"),
            ServeAssets.StylePath => BytesAsync(http, ServeAssets.Style, "text/css; charset=utf-8"),
            _ => FileAsync(http, path, live.Current),
        };
    }

    private async Task FileAsync(HttpContext http, string path, ServeState state)
    {
        if (state.Folder is null)
        {
            await PageAsync(http, StatusCodes.Status503ServiceUnavailable, state, "The site has not built yet",
                "The first build failed, so there is nothing to show yet.");
            return;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is "." or ".." || s.StartsWith('.') || s.Contains('\\') || s.Contains('\0')))
        {
            // Never a file outside the build, nor a build's own marker.
            await NotFoundAsync(http, state);
            return;
        }

        var file = Path.Combine([state.Folder, .. segments]);
        if (Directory.Exists(file))
        {
            if (!path.EndsWith('/'))
            {
                // The site's links are relative to the folder: without the '/' they would resolve one level up.
                http.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                http.Response.Headers.Location = path + "/" + http.Request.QueryString;
                return;
            }

            file = Path.Combine(file, SiteLayout.IndexFile);
        }

        if (!File.Exists(file))
        {
            await NotFoundAsync(http, state);
            return;
        }

        var type = _types.TryGetContentType(file, out var known) ? known : "application/octet-stream";
        if (type == "text/html")
        {
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(file, http.RequestAborted);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                // Removed by a newer build between the check and the read: the page is in the newer build's folder.
                await FileAsync(http, path, live.Current);
                return;
            }

            await HtmlAsync(http, StatusCodes.Status200OK, PageInjection.Inject(Utf8.GetString(bytes), state));
            return;
        }

        http.Response.ContentType = type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("xml", StringComparison.Ordinal) || type.EndsWith("json", StringComparison.Ordinal)
            ? type + "; charset=utf-8"
            : type;
        http.Response.ContentLength = new FileInfo(file).Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.SendFileAsync(file, http.RequestAborted);
        }
    }

    /// <summary>A missing page: it may be the page being written, so the reload script comes too, and the page appears when it is built.</summary>
    private static Task NotFoundAsync(HttpContext http, ServeState state) =>
        PageAsync(http, StatusCodes.Status404NotFound, state, "Page not found",
            "No page of the last good build is at this address. It appears here once a build writes it.");

    private static Task PageAsync(HttpContext http, int status, ServeState state, string title, string text)
    {
        var encodedTitle = System.Net.WebUtility.HtmlEncode(title);
        var html = $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + $"<title>{encodedTitle}</title>\n</head>\n<body>\n<main>\n<h1>{encodedTitle}</h1>\n<p>{System.Net.WebUtility.HtmlEncode(text)}</p>\n"
            + "<p><a href=\"/\">The index of the site</a></p>\n</main>\n</body>\n</html>\n";
        return HtmlAsync(http, status, PageInjection.Inject(html, state));
    }

    private static async Task HtmlAsync(HttpContext http, int status, string html)
    {
        var bytes = Utf8.GetBytes(html);
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        }
    }

    private static async Task BytesAsync(HttpContext http, ReadOnlyMemory<byte> bytes, string type)
    {
        http.Response.ContentType = type;
        http.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        }
    }

    /// <summary>
    /// Server-sent events: the current build id at once, then each new one. A page reloads when the id differs from its own,
    /// so a build finished between sending the page and opening the stream is not missed. Ends when serve stops.
    /// </summary>
    private async Task EventsAsync(HttpContext http)
    {
        http.Response.ContentType = "text/event-stream";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        if (HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        using var ended = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        try
        {
            // A stream cut by a restart of serve is opened again after a second, and the new session's id reloads the page.
            var state = live.Current;
            await WriteAsync(http, $"retry: 1000\ndata: {state.BuildId}\n\n", ended.Token);
            var next = live.NextAsync(state.BuildId, ended.Token);
            while (true)
            {
                if (await Task.WhenAny(next, Task.Delay(Heartbeat, ended.Token)) == next)
                {
                    state = await next;
                    await WriteAsync(http, $"data: {state.BuildId}\n\n", ended.Token);
                    next = live.NextAsync(state.BuildId, ended.Token);
                }
                else
                {
                    ended.Token.ThrowIfCancellationRequested();
                    await WriteAsync(http, ": still here\n\n", ended.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed, or serve is stopping.
        }
        catch (IOException)
        {
            // The connection broke.
        }
    }

    private static async Task WriteAsync(HttpContext http, string text, CancellationToken cancel)
    {
        await http.Response.Body.WriteAsync(Utf8.GetBytes(text), cancel);
        await http.Response.Body.FlushAsync(cancel);
    }
}
