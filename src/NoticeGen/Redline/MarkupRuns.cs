namespace NoticeGen.Redline;

/// <summary>A run of a block's tokens shown alike: deleted, inserted, unchanged, or unchanged with one markup change (Markup).</summary>
internal sealed record TokenRun(TokenChange Change, MarkupChange? Markup, IReadOnlyList<DiffToken> Tokens);

/// <summary>
/// Splits a block's tokens into the runs the redline marks, so that the HTML, the terminal text and the summary count the same
/// changes: each deletion or insertion, and each stretch of kept words whose link or formatting changed the same way (the words
/// of one link, the spaces between them included), which the redline marks once.
/// </summary>
internal static class MarkupRuns
{
    public static List<TokenRun> Of(IReadOnlyList<DiffToken> tokens)
    {
        if (Unchanged(tokens))
        {
            // Most blocks of a redline are unchanged: one run of them all, as the loops below would make it, without their work.
            return tokens.Count == 0 ? [] : [new TokenRun(TokenChange.Same, null, tokens)];
        }

        var changes = new MarkupChange?[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] is { Change: TokenChange.Same, OldMarkup: { } old } token)
            {
                changes[i] = MarkupChange.Of(old, token.Markup);
            }
        }

        // A kept space between two words with the same markup change belongs to their run: "Terms of Service" is one link.
        for (var i = 0; i < tokens.Count; i++)
        {
            if (changes[i] is not { } change)
            {
                continue;
            }

            var next = i + 1;
            while (next < tokens.Count && tokens[next] is { Change: TokenChange.Same, IsSpace: true, OldMarkup: null })
            {
                next++;
            }

            if (next > i + 1 && next < tokens.Count && changes[next] is { } following && following.Signature == change.Signature)
            {
                for (var k = i + 1; k < next; k++)
                {
                    changes[k] = change;
                }
            }
        }

        var runs = new List<TokenRun>();
        List<DiffToken>? open = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var last = runs.Count > 0 ? runs[^1] : null;
            if (last is not null && last.Change == tokens[i].Change && last.Markup?.Signature == changes[i]?.Signature)
            {
                open!.Add(tokens[i]);
            }
            else
            {
                runs.Add(new TokenRun(tokens[i].Change, changes[i], open = [tokens[i]]));
            }
        }

        return runs;
    }

    /// <summary>Whether every token is kept with its markup: such tokens make one run, with nothing to mark or count.</summary>
    public static bool Unchanged(IReadOnlyList<DiffToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] is not { Change: TokenChange.Same, OldMarkup: null })
            {
                return false;
            }
        }

        return true;
    }
}
