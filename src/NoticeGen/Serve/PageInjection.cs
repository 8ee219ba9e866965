using System.Net;
using System.Text;

namespace NoticeGen.Serve;

/// <summary>
/// What serve adds to each HTML page as it sends it (the files on disk stay as a build wrote them): the reload script,
/// which knows the page's build id, and while the latest build failed, the error overlay and its style.
/// </summary>
internal static class PageInjection
{
    public static string Inject(string html, ServeState state)
    {
        var tail = new StringBuilder();
        if (state.Failed)
        {
            tail.Append(ErrorOverlay.Html(state));
        }

        tail.Append("<script src=\"").Append(ServeAssets.ScriptPath).Append("\" data-events=\"").Append(ServeAssets.EventsPath)
            .Append("\" data-build=\"").Append(WebUtility.HtmlEncode(state.BuildId)).Append("\"></script>\n");
        var page = InsertBefore(html, "</body>", tail.ToString());
        return state.Failed
            ? InsertBefore(page, "</head>", $"<link rel=\"stylesheet\" href=\"{ServeAssets.StylePath}\">\n")
            : page;
    }

    /// <summary>Inserts before the last <paramref name="tag"/>, or at the end of a page without one (browsers accept both).</summary>
    private static string InsertBefore(string html, string tag, string text)
    {
        var at = html.LastIndexOf(tag, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + text : html.Insert(at, text);
    }
}
