using System.Text;

namespace NoticeGen.Load;

/// <summary>Text as readers see it: each run of whitespace one space, none at either end.</summary>
public static class Whitespace
{
    public static string Fold(ReadOnlySpan<char> text)
    {
        var folded = new StringBuilder(text.Length);
        var space = false;
        AppendFolded(folded, text, ref space);
        return folded.ToString();
    }

    /// <summary>
    /// Appends <paramref name="run"/> folded; <paramref name="space"/> carries a run of whitespace at its end over to the
    /// next call, so that text appended in pieces folds as one.
    /// </summary>
    public static void AppendFolded(StringBuilder text, ReadOnlySpan<char> run, ref bool space)
    {
        foreach (var c in run)
        {
            if (char.IsWhiteSpace(c))
            {
                space = text.Length > 0;
            }
            else
            {
                if (space)
                {
                    text.Append(' ');
                    space = false;
                }

                text.Append(c);
            }
        }
    }
}
