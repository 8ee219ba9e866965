using System.Globalization;
using System.Text;
using DiffPlex;

namespace NoticeGen.Redline;

/// <summary>
/// Splits text into words, single punctuation marks and whitespace, each its own token, so that a changed comma or a changed
/// word is marked alone. A run of whitespace becomes one " ": how text wraps in the source is not a change.
/// </summary>
internal sealed class WordTokenizer : IChunker
{
    public static readonly WordTokenizer Instance = new();

    public IReadOnlyList<string> Chunk(string text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        var space = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                FlushSpace();
                word.Append(rune.ToString());
                continue;
            }

            FlushWord();
            if (Rune.IsWhiteSpace(rune))
            {
                space = true;
            }
            else
            {
                FlushSpace();
                tokens.Add(rune.ToString());
            }
        }

        FlushWord();
        FlushSpace();
        return tokens;

        void FlushWord()
        {
            if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }
        }

        void FlushSpace()
        {
            if (space)
            {
                tokens.Add(" ");
                space = false;
            }
        }
    }

    /// <summary>Letters, digits and the accents that combine with them; a surrogate pair stays one rune, never two halves.</summary>
    private static bool IsWordRune(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
