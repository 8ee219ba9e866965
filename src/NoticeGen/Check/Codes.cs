namespace NoticeGen.Check;

/// <summary>
/// Every kind of finding NoticeGen reports, by code. Codes never change meaning: 1xxx configuration and files, 2xxx text
/// and templates, 3xxx the release archive, 4xxx the built pages, 5xxx content quality, 6xxx legal coverage, 7xxx import, 9xxx
/// the command line. `noticegen check --list` prints this table.
/// </summary>
public static class Codes
{
    // Configuration and files.
    public static readonly DiagnosticCode YamlSyntax = new("NG1001", "yaml-syntax", Severity.Error, "A YAML file (site.yml, front matter, a rule file) cannot be read.");
    public static readonly DiagnosticCode YamlUnsafe = new("NG1002", "yaml-unsafe", Severity.Error, "YAML anchors, aliases, type tags, or a document too deep or too large.");
    public static readonly DiagnosticCode UnknownKey = new("NG1003", "unknown-key", Severity.Error, "A key that site.yml or front matter does not have (often a typo of one it has).");
    public static readonly DiagnosticCode InvalidValue = new("NG1004", "invalid-value", Severity.Error, "A value of the wrong shape, or a required value missing.");
    public static readonly DiagnosticCode InvalidId = new("NG1005", "invalid-id", Severity.Error, "An id, slug or parameter name that cannot be used, or is reserved.");
    public static readonly DiagnosticCode DuplicateId = new("NG1006", "duplicate-id", Severity.Error, "Two things with the same id, key or URL.");
    public static readonly DiagnosticCode UnknownName = new("NG1007", "unknown-name", Severity.Error, "An id that names nothing: a jurisdiction, fragment, notice or law that does not exist.");
    public static readonly DiagnosticCode BaseUrl = new("NG1008", "base-url", Severity.Error, "base_url is not an absolute http: or https: URL.");
    public static readonly DiagnosticCode FileEncoding = new("NG1009", "file-encoding", Severity.Error, "A text file that is not UTF-8, holds control characters, or is too large.");
    public static readonly DiagnosticCode MissingFile = new("NG1010", "missing-file", Severity.Error, "A file or folder the site needs is missing, or a fragment has no front matter.");
    public static readonly DiagnosticCode OutsideSite = new("NG1011", "outside-site", Severity.Error, "A file that is a link to somewhere outside the site folder.");
    public static readonly DiagnosticCode CheckConfig = new("NG1012", "check-config", Severity.Error, "A 'checks:' entry in site.yml that names no code or asks for something a code cannot do.");

    // Text and templates.
    public static readonly DiagnosticCode TemplateSyntax = new("NG2001", "template-syntax", Severity.Error, "A template ({{ }}) that cannot be parsed.");
    public static readonly DiagnosticCode TemplateError = new("NG2002", "template-error", Severity.Error, "A template that fails when it runs: an unknown variable, or a limit reached.");
    public static readonly DiagnosticCode Include = new("NG2003", "include", Severity.Error, "An include of a fragment that does not exist, not by a quoted id, or in a circle.");
    public static readonly DiagnosticCode Reference = new("NG2004", "reference", Severity.Error, "A reference ([](#id), notice:) to a section or notice that is not there.");
    public static readonly DiagnosticCode UnsafeLink = new("NG2005", "unsafe-link", Severity.Warning, "A link with a scheme other than http:, https:, mailto: or tel:, shown as plain text.");
    public static readonly DiagnosticCode RawHtml = new("NG2006", "raw-html", Severity.Warning, "HTML outside the small allowed set, shown as text.");
    public static readonly DiagnosticCode MarkdownLimit = new("NG2007", "markdown-limit", Severity.Error, "Markdown nested deeper than a reader could follow.");
    public static readonly DiagnosticCode UntitledSection = new("NG2008", "untitled-section", Severity.Warning, "A section without a title: its heading shows its id.");
    public static readonly DiagnosticCode BidiControl = new("NG2009", "bidi-control", Severity.Warning, "An invisible character that reorders the text around it (a bidirectional override, embedding or isolate).");

    // The release archive.
    public static readonly DiagnosticCode ArchiveTampered = new("NG3001", "archive-tampered", Severity.Error, "A file of an archived release was edited, added or removed, or a release was.");
    public static readonly DiagnosticCode ArchiveLayout = new("NG3002", "archive-layout", Severity.Error, "A folder or manifest in the release archive that 'noticegen release' did not write.");
    public static readonly DiagnosticCode ReleaseRefused = new("NG3003", "release-refused", Severity.Error, "A release that cannot be made: no summary, or a date taken or earlier than the latest.");
    public static readonly DiagnosticCode SlugClash = new("NG3004", "slug-clash", Severity.Error, "A notice that would be published where another notice of the history lives.");
    public static readonly DiagnosticCode ArchiveStrayFile = new("NG3005", "archive-stray-file", Severity.Warning, "A file directly in the release archive (not in a release folder), which no build reads.");

    // The built pages.
    public static readonly DiagnosticCode BrokenLink = new("NG4001", "broken-link", Severity.Error, "A link to a page, file or #anchor of the site that does not exist.");
    public static readonly DiagnosticCode MissingImage = new("NG4002", "missing-image", Severity.Error, "An image whose file is not in the site.");
    public static readonly DiagnosticCode DuplicateHtmlId = new("NG4003", "duplicate-html-id", Severity.Error, "Two elements of one page with the same id.");
    public static readonly DiagnosticCode HeadingOrder = new("NG4004", "heading-order", Severity.Error, "A page without exactly one h1, or with a heading level skipped.");
    public static readonly DiagnosticCode PageMetadata = new("NG4005", "page-metadata", Severity.Error, "A page without a title, a language, a main landmark, or (a notice page) its stamp.");
    public static readonly DiagnosticCode UnsafeUrl = new("NG4006", "unsafe-url", Severity.Error, "A javascript:, vbscript: or data: URL in a built page, however it is written.");

    // Content quality.
    public static readonly DiagnosticCode UnusedFragment = new("NG5001", "unused-fragment", Severity.Warning, "A fragment no notice uses.");
    public static readonly DiagnosticCode UnusedParameter = new("NG5002", "unused-parameter", Severity.Warning, "A parameter defined but used by no fragment or template.");
    public static readonly DiagnosticCode HardCodedDate = new("NG5003", "hard-coded-date", Severity.Warning, "A date typed next to \"last updated\" or \"effective date\": the page computes it.");
    public static readonly DiagnosticCode NearDuplicate = new("NG5004", "near-duplicate", Severity.Warning, "Two paragraphs in different fragments that say nearly the same thing.");

    // Legal coverage.
    public static readonly DiagnosticCode CoverageTopic = new("NG6001", "coverage-topic", Severity.Warning, "A page that covers no section on a topic its jurisdictions' laws require.");
    public static readonly DiagnosticCode CoverageDate = new("NG6002", "coverage-date", Severity.Warning, "A page whose last-updated date is older, or missing, than its laws allow.");
    public static readonly DiagnosticCode UnknownTopic = new("NG6003", "unknown-topic", Severity.Error, "A 'covers:' topic that no rule file defines.");
    public static readonly DiagnosticCode RuleFile = new("NG6004", "rule-file", Severity.Error, "A rule file (rules/*.yml) that cannot be used.");
    public static readonly DiagnosticCode RuleFileIgnored = new("NG6006", "rule-file-ignored", Severity.Warning, "A file in rules/ that is not read (rule files end in .yml).");
    public static readonly DiagnosticCode UncheckedJurisdiction = new("NG6005", "unchecked-jurisdiction", Severity.Warning, "A jurisdiction no law's coverage rules apply to.");

    // Import.
    public static readonly DiagnosticCode ImportSource = new("NG7001", "import-source", Severity.Error, "A page or history that 'noticegen import' cannot read, split or date.");

    // The command line and environment.
    public static readonly DiagnosticCode Option = new("NG9001", "option", Severity.Error, "A command-line option or environment value that cannot be used.");
    public static readonly DiagnosticCode OutputFolder = new("NG9002", "output-folder", Severity.Error, "An output folder that cannot be written or must not be replaced.");

    public static IReadOnlyList<DiagnosticCode> All { get; } = typeof(Codes).GetFields()
        .Where(f => f.FieldType == typeof(DiagnosticCode))
        .Select(f => (DiagnosticCode)f.GetValue(null)!)
        .OrderBy(c => c.Code, StringComparer.Ordinal)
        .ToList();

    public static DiagnosticCode? Find(string code) => All.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase) || c.Name == code);
}
