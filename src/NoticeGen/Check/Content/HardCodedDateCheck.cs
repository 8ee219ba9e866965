using System.Text.RegularExpressions;

namespace NoticeGen.Check.Content;

/// <summary>
/// A date typed next to "last updated", "effective date" and the like. The page's dates are computed from the releases
/// that changed it, so a typed one is wrong as soon as the next release changes the page (the seed had two such dates).
/// </summary>
public sealed partial class HardCodedDateCheck : IContentCheck
{
    public IReadOnlyList<DiagnosticCode> Codes { get; } = [Check.Codes.HardCodedDate];

    public void Run(ContentCheckContext context, DiagnosticSink sink)
    {
        foreach (var fragment in context.Working.Fragments)
        {
            foreach (Match match in DateNearPhrase().Matches(fragment.Template))
            {
                var date = match.Groups["date"];
                sink.Report(Check.Codes.HardCodedDate, SourceSpan.At(fragment.File, fragment.Template, date.Index),
                    $"The date '{date.Value}' is typed next to \"{match.Groups["phrase"].Value.Trim()}\"; the page computes its last-updated date from the releases that changed it.",
                    "Remove the date and refer to the date at the top of the page, or write {{ page.last_updated }} to print the computed date.");
            }
        }
    }

    [GeneratedRegex(@"(?<phrase>last\s+(?:updated|revised|modified|reviewed|amended)|effective\s+(?:date|as\s+of|from|on)|updated\s+(?:on|as\s+of)|date\s+of\s+(?:the\s+)?last\s+\w+)\W{0,20}(?:\w+\W+){0,4}?(?<date>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DateNearPhrase();
}
