using System.CommandLine;
using NoticeGen.Check;
using NoticeGen.Import;
using NoticeGen.Load;

namespace NoticeGen.Cli;

/// <summary>
/// noticegen import: turns an existing privacy page (saved HTML, Markdown, or pasted text), or the dated versions of one,
/// into a NoticeGen site: one fragment per distinct section, site.yml, releases for dated versions, and a migration report.
/// </summary>
public static class ImportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, Func<string, string?> environment, Func<DateTimeOffset> clock)
    {
        var sources = new Argument<string[]>("SOURCE")
        {
            Description = "The page(s) to import: .html, .md or text. With --history, the versions of one page, named by date and listed oldest first.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var intoOption = new Option<DirectoryInfo>("--into")
        {
            Description = "The folder to write the site into; it must be new or empty unless --force. Default: the current folder.",
            DefaultValueFactory = _ => new DirectoryInfo("."),
        };
        var noticeOption = new Option<string?>("--notice") { Description = "The id of the notice, when the page holds one (default: from its title)." };
        var historyOption = new Option<bool>("--history") { Description = "The sources are dated versions of one page (2021-03-01.html ...): record each as a release." };
        var gitOption = new Option<FileInfo?>("--git") { Description = "Read every version of this file from its Git history and record each as a release." };
        var releaseOption = new Option<string?>("--release") { Description = "Record the imported page as the first release, effective on this date (YYYY-MM-DD)." };
        var forceOption = new Option<bool>("--force") { Description = "Write into a folder that is not empty (replaces site.yml, content/, .gitignore, import-report.html)." };
        var command = new Command("import", "Split an existing privacy page (HTML, Markdown or text), or its dated versions, into a NoticeGen site, with a migration report.\n\nExamples:\n  noticegen import privacy.html --into site/ --release 2025-05-04   one page, recorded as the first release\n  noticegen import --history versions/*.html --into site/          dated versions (2021-03-01.html ...), one release each\n  noticegen import --git docs/privacy.md --into site/              every version of a file in its Git history")
        {
            sources, intoOption, noticeOption, historyOption, gitOption, releaseOption, forceOption,
        };
        command.SetAction(result => Program.Guard(stderr, strict: false, _ =>
        {
            var files = result.GetValue(sources) ?? [];
            var git = result.GetValue(gitOption);
            if (files.Length == 0 && git is null)
            {
                throw new UserErrorException(Codes.Option.At(new SourceSpan("SOURCE", 1, 1), "No page to import was named.",
                    "Name the page: noticegen import privacy.html --into site/ (or --git FILE for its versions in Git)."));
            }

            if (files.Length > 0 && git is not null)
            {
                throw new UserErrorException(Codes.Option.At(new SourceSpan("--git", 1, 1), "--git reads the versions from Git, so no SOURCE files go with it.",
                    "Pass either SOURCE files or --git FILE."));
            }

            DateOnly? release = null;
            if (result.GetValue(releaseOption) is { } text)
            {
                if (!Dates.TryParse(text, out var date))
                {
                    throw new UserErrorException(Codes.Option.At(new SourceSpan("--release", 1, 1), $"'{text}' is not a date.",
                        "Pass --release YYYY-MM-DD, e.g. --release 2026-01-01."));
                }

                if (result.GetValue(historyOption) || git is not null)
                {
                    throw new UserErrorException(Codes.Option.At(new SourceSpan("--release", 1, 1), "--release records a single page; with --history or --git each version is released on its own date.",
                        "Leave out --release."));
                }

                release = date;
            }

            if (result.GetValue(noticeOption) is { } notice && !Ids.IsId(notice))
            {
                throw new UserErrorException(Codes.Option.At(new SourceSpan("--notice", 1, 1), $"'{notice}' is not a valid notice id.",
                    "Use lowercase letters, digits and hyphens, starting with a letter (e.g. websites)."));
            }

            var request = new ImportRequest(files, result.GetValue(intoOption)!.FullName, result.GetValue(noticeOption),
                result.GetValue(historyOption) || git is not null, git?.FullName, release, result.GetValue(forceOption));
            var report = Importer.Run(request, environment, clock);
            stdout.Write(ReportText.Render(report));
            return 0;
        }));
        return command;
    }
}
