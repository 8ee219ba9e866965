using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NoticeGen.Output;

/// <summary>
/// JSON as NoticeGen writes it for tools (notices.json, page twins, diff --format json): members that are null left
/// out, non-ASCII text written as itself, '\n' line ends whatever the machine, and a final newline.
/// </summary>
public static class JsonText
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The options of a <see cref="Utf8JsonWriter"/> that writes the same bytes as <see cref="Write"/> (without its final newline).</summary>
    public static JsonWriterOptions WriterOptions(bool indented) =>
        new() { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };

    public static string Write(JsonObject root, bool indented)
    {
        RemoveNulls(root);
        return root.ToJsonString(indented ? Indented : Compact).ReplaceLineEndings("\n") + "\n";
    }

    private static void RemoveNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    o.Remove(key);
                }

                foreach (var value in o.Select(p => p.Value))
                {
                    RemoveNulls(value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    RemoveNulls(item);
                }

                break;
        }
    }
}
