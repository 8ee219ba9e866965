using System.Globalization;
using System.Net;
using System.Text;
using NoticeGen.Check;

namespace NoticeGen.Serve;

/// <summary>
/// The panel serve shows over every page while the latest build failed: each error's file:line:column, message, fix and
/// code. A non-modal dialog, announced as an alert, that a keyboard can reach and close (without JavaScript: its button
/// submits a method="dialog" form).
/// </summary>
internal static class ErrorOverlay
{
    /// <summary>Past this many errors the panel names how many more there are: one mistake in site.yml can fail every page.</summary>
    public const int MostShown = 50;

    public static string Html(ServeState state)
    {
        var html = new StringBuilder();
        var count = state.Errors.Count;
        var title = state.InternalError is not null ? "The build failed: NoticeGen itself failed"
            : count == 1 ? "The build failed: 1 error" : string.Create(CultureInfo.InvariantCulture, $"The build failed: {count} errors");
        html.Append("<dialog open class=\"ng-serve-overlay\" id=\"ng-serve-overlay\" aria-labelledby=\"ng-serve-overlay-title\">\n");
        html.Append("<div role=\"alert\">\n");
        html.Append("<h2 id=\"ng-serve-overlay-title\">").Append(Encode(title)).Append("</h2>\n");
        html.Append("<p>").Append(state.Folder is null
            ? "Nothing has built yet, so there is no page to show."
            : "This page is from the last build that succeeded.").Append(" Fix the file and save it: the page reloads by itself.</p>\n");
        if (state.InternalError is not null)
        {
            html.Append("<pre>").Append(Encode(state.InternalError)).Append("</pre>\n");
            html.Append("<p>This is a bug in NoticeGen, not in the site; the terminal running 'noticegen serve' shows the details.</p>\n");
        }

        if (count > 0)
        {
            html.Append("<ol>\n");
            foreach (var error in state.Errors.Take(MostShown))
            {
                html.Append("<li><p><span class=\"ng-serve-where\">").Append(Encode(error.Where.ToString())).Append("</span> [")
                    .Append(Encode(error.Code.Code)).Append("]</p>\n<p>").Append(Encode(error.Message)).Append("</p>\n");
                if (error.Fix.Length > 0)
                {
                    html.Append("<p>").Append(Encode(error.Fix)).Append("</p>\n");
                }

                html.Append("</li>\n");
            }

            html.Append("</ol>\n");
            if (count > MostShown)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>And {count - MostShown} more: the terminal running 'noticegen serve' lists them all.</p>\n");
            }
        }

        html.Append("</div>\n");
        html.Append("<form method=\"dialog\"><button type=\"submit\">Close</button></form>\n");
        html.Append("</dialog>\n");
        return html.ToString();
    }

    /// <summary>Escapes for HTML text, and spells out control characters a message may quote (they would not show).</summary>
    private static string Encode(string text)
    {
        var visible = text.Any(c => char.IsControl(c) && c != '\n')
            ? string.Concat(text.Select(c => char.IsControl(c) && c != '\n' ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : c.ToString()))
            : text;
        return WebUtility.HtmlEncode(visible);
    }
}
