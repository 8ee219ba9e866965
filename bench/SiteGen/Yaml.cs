using System.Text;

namespace NoticeGen.Bench.SiteGen;

/// <summary>YAML scalars written so that no title or name can be misread (a colon, a quote, a leading dash...).</summary>
public static class Yaml
{
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
