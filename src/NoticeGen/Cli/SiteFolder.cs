using NoticeGen.Check;
using NoticeGen.Load;

namespace NoticeGen.Cli;

/// <summary>
/// The folder --site names (default: the current one), refused before a command starts when it holds no site.yml: every
/// command then stops the same way, with exit code 2 (the command could not run), naming the folder it looked in.
/// </summary>
internal static class SiteFolder
{
    public static string Require(DirectoryInfo folder)
    {
        var dir = folder.FullName;
        if (!Directory.Exists(dir))
        {
            throw new UserErrorException(Codes.MissingFile.At(new SourceSpan("--site", 1, 1), $"The site folder {dir} does not exist.",
                "Pass --site with the folder that holds site.yml, or run the command from it."));
        }

        if (!File.Exists(Path.Combine(dir, SiteLoader.FileName)))
        {
            throw new UserErrorException(Codes.MissingFile.At(SourceSpan.StartOf(SiteLoader.FileName), $"site.yml was not found in {dir}.",
                "Run the command in the site folder, or pass --site DIR."));
        }

        return dir;
    }
}
