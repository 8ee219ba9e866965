namespace NoticeGen.Check.Coverage;

/// <summary>How a release touched a topic, judged by the changed sections' <c>covers:</c> before and after.</summary>
public enum TopicChangeKind
{
    /// <summary>A changed section covers it before and after: its text about the topic may have changed.</summary>
    Edited,

    /// <summary>Only after the change: a changed or new section now covers it.</summary>
    Added,

    /// <summary>Only before the change: the changed sections no longer cover it (or were removed).</summary>
    Removed,
}
