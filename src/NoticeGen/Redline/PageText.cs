namespace NoticeGen.Redline;

/// <summary>The text of one page, as the redline compares it.</summary>
public sealed record PageText(string Title, string IntroHtml, IReadOnlyList<SectionText> Sections);

/// <summary>One section: stable id (matched across versions), heading as shown (e.g. "16. Contacting Kaltura"), body HTML.</summary>
public sealed record SectionText(string Id, string Heading, string Html);
