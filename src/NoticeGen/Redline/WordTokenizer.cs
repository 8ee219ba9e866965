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
        var wordStart = -1;
        var space = false;
        for (var i = 0; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length);
            if (IsWordRune(rune))
            {
                FlushSpace();
                wordStart = wordStart < 0 ? i : wordStart;
            }
            else
            {
                FlushWord(i);
                if (Rune.IsWhiteSpace(rune))
                {
                    space = true;
                }
                else
                {
                    FlushSpace();
                    tokens.Add(text.Substring(i, length));
                }
            }

            i += length;
        }

        FlushWord(text.Length);
        FlushSpace();
        return tokens;

        void FlushWord(int end)
        {
            if (wordStart >= 0)
            {
                tokens.Add(text[wordStart..end]);
                wordStart = -1;
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
