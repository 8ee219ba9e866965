using System.Text.RegularExpressions;
using NoticeGen.Load;

namespace NoticeGen.Check.Content;

/// <summary>
/// Splits a fragment's body into the paragraphs the near-duplicate measure compares: blocks separated by blank lines, and
/// each list item and heading on its own, with the line where it starts in the fragment's file.
/// </summary>
public static partial class FragmentParagraphs
{
    public static IEnumerable<Paragraph> Of(Fragment fragment) => Of(fragment.Id, fragment.File, fragment.Template);

    /// <summary>Paragraphs of a Markdown body; <paramref name="body"/> keeps the file's line numbering (front matter blanked).</summary>
    public static IEnumerable<Paragraph> Of(string fragmentId, string file, string body)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = -1;
        var text = new List<string>();
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i] : string.Empty;
            var blank = string.IsNullOrWhiteSpace(line);
            if (text.Count > 0 && (blank || StartsBlock().IsMatch(line)))
            {
                yield return new Paragraph(fragmentId, file, start + 1, string.Join('\n', text));
                text.Clear();
            }

            if (!blank)
            {
                if (text.Count == 0)
                {
                    start = i;
                }

                text.Add(line);
            }
        }
    }

    /// <summary>A list item or heading starts a new paragraph even without a blank line before it.</summary>
    [GeneratedRegex(@"^\s{0,3}([-*+]\s|\d{1,9}[.)]\s|#{1,6}\s)")]
    private static partial Regex StartsBlock();
}
