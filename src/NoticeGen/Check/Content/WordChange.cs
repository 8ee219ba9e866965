namespace NoticeGen.Check.Content;

/// <summary>
/// One difference between two texts: the words of the first that the second does not have, and the words the second has
/// instead (either may be empty), each as written.
/// </summary>
public sealed record WordChange(string Removed, string Added)
{
    public override string ToString() => (Removed.Length, Added.Length) switch
    {
        (0, _) => $"added “{Added}”",
        (_, 0) => $"removed “{Removed}”",
        _ => $"“{Removed}” → “{Added}”",
    };
}
