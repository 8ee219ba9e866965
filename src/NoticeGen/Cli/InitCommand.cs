using System.CommandLine;
using NoticeGen.Init;

namespace NoticeGen.Cli;

/// <summary>
/// noticegen init [DIR]: writes a starter site that builds and checks clean with the built-in theme: a commented
/// site.yml, fragments, the JSON Schemas, .gitignore, .gitattributes, a tool manifest and a CI workflow.
/// </summary>
public static class InitCommand
{
    public static Command Create(Option<DirectoryInfo> siteOption, TextWriter stdout, TextWriter stderr)
    {
        var dirArgument = new Argument<DirectoryInfo?>("DIR")
        {
            Description = "The folder for the new site; it must be new or empty (a .git folder aside) unless --force. Default: --site, else the current folder.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var forceOption = new Option<bool>("--force")
        {
            Description = "Write into a folder that is not empty: files of the same name are replaced, except that .gitignore, .gitattributes and the tool manifest only gain the lines they lack and a README.md stays as it is.",
        };
        var templatesOption = new Option<bool>("--with-templates")
        {
            Description = "Also write a copy of the built-in theme to templates/, to change it (without it, the site uses the built-in theme).",
        };
        var command = new Command("init", "Write a starter site (site.yml, fragments, schemas, CI workflow) that builds and checks clean.\n\nExample: noticegen init my-notices")
        {
            dirArgument, forceOption, templatesOption,
        };
        command.SetAction(result => Program.Guard(stderr, strict: false, _ =>
        {
            var dir = (result.GetValue(dirArgument) ?? result.GetValue(siteOption)!).FullName;
            var written = StarterSite.Write(dir, result.GetValue(forceOption), result.GetValue(templatesOption));
            var changed = written.Changed.Count > 0 ? $"; replaced or extended: {string.Join(", ", written.Changed)}" : string.Empty;
            var kept = written.Kept.Count > 0 ? $"; kept your {string.Join(", ", written.Kept)}" : string.Empty;
            stdout.WriteLine($"Created a NoticeGen site in {dir} ({written.Written.Count} files{changed}{kept}).");
            stdout.WriteLine("Next: run 'noticegen serve' there and open the address it prints; edit site.yml and content/fragments/, and open pages reload.");
            return 0;
        }));
        return command;
    }
}
