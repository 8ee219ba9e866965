namespace NoticeGen.Check.Coverage;

/// <summary>
/// What the evaluator knows of one page. <see cref="Jurisdictions"/> are those whose readers read this page (for the
/// full notice: the jurisdictions no audience page covers). <see cref="Sections"/> are on the page; <see cref="NotShown"/>
/// are the notice's sections this page leaves out, named in findings when one of them covers the missing topic.
/// </summary>
public sealed record CoveragePage(
    PageIdentity Page,
    IReadOnlyList<string> Jurisdictions,
    IReadOnlyList<SectionTopics> Sections,
    IReadOnlyList<SectionTopics> NotShown,
    PageDates Dates,
    DataSources Sources);
