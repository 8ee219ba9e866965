using System.Text;
using DiffPlex;

namespace NoticeGen.Redline;

/// <summary>
/// Two plain texts as one, with the removed and inserted words wrapped by the caller's marks: a passage's change written
/// for a terminal, a pull-request comment or any other place without HTML.
/// </summary>
public static class TextDiff
{
    public static string Render(string old, string @new, Func<string, string> removed, Func<string, string> inserted)
    {
        var diff = Differ.Instance.CreateDiffs(old, @new, ignoreWhiteSpace: false, ignoreCase: false, WordTokenizer.Instance);
        var oldTokens = diff.PiecesOld;
        var newTokens = diff.PiecesNew;
        var text = new StringBuilder();
        int oldAt = 0, newAt = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Append(text, oldTokens, oldAt, block.DeleteStartA);
            oldAt = block.DeleteStartA;
            newAt = block.InsertStartB;
            if (block.DeleteCountA > 0)
            {
                text.Append(removed(string.Concat(oldTokens.Skip(oldAt).Take(block.DeleteCountA))));
            }

            if (block.InsertCountB > 0)
            {
                text.Append(block.DeleteCountA > 0 ? " " : string.Empty).Append(inserted(string.Concat(newTokens.Skip(newAt).Take(block.InsertCountB))));
            }

            oldAt += block.DeleteCountA;
            newAt += block.InsertCountB;
        }

        Append(text, oldTokens, oldAt, oldTokens.Count);
        return text.ToString();
    }

    private static void Append(StringBuilder text, IReadOnlyList<string> tokens, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            text.Append(tokens[i]);
        }
    }
}
