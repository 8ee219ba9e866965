namespace NoticeGen.Redline;

/// <summary>Numbers the regroup steps of one page, so that the blocks of each share a number no other step has.</summary>
internal sealed class GroupNumbers
{
    private int _last;

    public int Next() => ++_last;
}
