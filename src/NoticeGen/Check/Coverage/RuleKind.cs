namespace NoticeGen.Check.Coverage;

/// <summary>What a coverage rule checks on a page.</summary>
public enum RuleKind
{
    /// <summary>Some section on the page covers the rule's topic.</summary>
    Topic,

    /// <summary>The page has a last-updated date, i.e. it has been released.</summary>
    LastUpdatedPresent,

    /// <summary>The page was last updated (or, if the rule allows, last reviewed) within a number of months of the build date.</summary>
    LastUpdatedWithin,
}
