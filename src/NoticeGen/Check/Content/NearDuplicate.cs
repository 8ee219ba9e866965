namespace NoticeGen.Check.Content;

/// <summary>
/// Two paragraphs in different fragments that say nearly the same thing: both places, how alike they are (0 to 1), and the
/// word-level differences from <see cref="First"/> to <see cref="Second"/>.
/// </summary>
public sealed record NearDuplicate(Paragraph First, Paragraph Second, double Similarity, IReadOnlyList<WordChange> Changes)
{
    /// <summary>What an editor can do about it: one shared text, with a parameter where the two differ.</summary>
    public string Suggestion => Changes.Count == 0
        ? $"The same text is in '{First.FragmentId}' and '{Second.FragmentId}': keep it in one fragment and {{{{ include }}}} it from the other."
        : $"Write it once in a shared fragment used by both '{First.FragmentId}' and '{Second.FragmentId}', with a parameter " +
          $"({{{{ notice.KEY }}}} or {{{{ params.KEY }}}}) or an {{{{ if notice.id == \"...\" }}}} where they differ: {string.Join("; ", Changes)}.";

    /// <summary>One line for a report: both places, the similarity, and the differences.</summary>
    public override string ToString() =>
        $"{First.Where} ({First.FragmentId}) and {Second.Where} ({Second.FragmentId}) are {Percent(Similarity)} alike" +
        (Changes.Count == 0 ? ", word for word." : ": " + string.Join("; ", Changes) + ".");

    /// <summary>Rounded down, so that 99.6% alike never reads as 100%.</summary>
    public static string Percent(double similarity) =>
        ((int)Math.Floor(similarity * 100)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%";
}
