using System.Text;
using System.Text.RegularExpressions;
using NoticeGen.Releases;

namespace NoticeGen.Import;

/// <summary>
/// Writes an imported version as a site: site.yml, one Markdown file per fragment under content/fragments/NOTICE/, and a
/// .gitignore. The working fragments are replaced as a whole, so a section dropped by a later version is gone from the
/// working text (its releases keep it).
/// </summary>
public static partial class SiteWriter
{
    public const string GitIgnore = "_site/\n.noticegen-cache/\n";

    public static void Write(DraftSite site, string dir)
    {
        var fragments = Path.Combine(dir, "content", "fragments");
        if (Directory.Exists(fragments))
        {
            Directory.Delete(fragments, recursive: true);
        }

        foreach (var fragment in site.Fragments)
        {
            var path = Path.Combine(dir, fragment.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, FragmentText(fragment));
        }

        File.WriteAllText(Path.Combine(dir, "site.yml"), SiteYaml(site));
        File.WriteAllText(Path.Combine(dir, ".gitignore"), GitIgnore);
    }

    public static string FragmentText(DraftFragment fragment)
    {
        var text = new StringBuilder("---\n");
        text.Append("id: ").Append(fragment.Id).Append('\n');
        if (fragment.Title is { } title)
        {
            text.Append("title: ").Append(Scalar(title)).Append('\n');
        }

        if (fragment.Jurisdictions is { } guess)
        {
            text.Append("jurisdictions: [").Append(string.Join(", ", guess.Jurisdictions)).Append("]  ").Append(guess.Comment).Append('\n');
        }

        if (fragment.NoTemplate)
        {
            text.Append("template: false  # the text holds {{ }} or {% %} that is not NoticeGen's: shown as written\n");
        }

        text.Append("---\n").Append(fragment.Body.TrimEnd('\n')).Append('\n');
        return text.ToString();
    }

    public static string SiteYaml(DraftSite site)
    {
        var text = new StringBuilder();
        text.Append("# Imported by 'noticegen import' from ").Append(site.Origin).Append(".\n");
        text.Append("# Check the jurisdiction guesses marked \"confirm\" in the fragments, and see import-report.html.\n\n");
        text.Append("site:\n  title: ").Append(Scalar(site.Title)).Append('\n');
        if (site.Intro is { } intro)
        {
            text.Append("  intro: ").Append(intro).Append('\n');
        }

        text.Append('\n');
        var jurisdictions = site.Jurisdictions;
        if (jurisdictions.Count == 0)
        {
            text.Append("jurisdictions: {}\n\n");
        }
        else
        {
            text.Append("jurisdictions:\n");
            foreach (var id in jurisdictions)
            {
                text.Append("  ").Append(id).Append(": ").Append(Scalar(JurisdictionGuesser.NameOf(id))).Append('\n');
            }

            text.Append('\n');
        }

        text.Append("notices:\n");
        foreach (var notice in site.Notices)
        {
            text.Append("  - id: ").Append(notice.Id).Append('\n');
            text.Append("    title: ").Append(Scalar(notice.Title)).Append('\n');
            if (notice.Intro is { } noticeIntro)
            {
                text.Append("    intro: ").Append(noticeIntro).Append('\n');
            }

            text.Append("    numbered: ").Append(notice.Numbered ? "true" : "false").Append('\n');
            text.Append("    sections:\n");
            foreach (var section in notice.Sections)
            {
                text.Append("      - ").Append(section).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>A YAML value: as it is when YAML reads it back unchanged, else double-quoted.</summary>
    public static string Scalar(string value) =>
        Plain().IsMatch(value) && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal)
        && !value.EndsWith(':') && value.Trim() == value && value.ToLowerInvariant() is not ("true" or "false" or "yes" or "no" or "null" or "~" or "on" or "off")
            ? value
            : CanonicalYaml.Quote(value);

    [GeneratedRegex(@"^[^\s\-?:,\[\]{}#&*!|>'""%@`0-9.][^\n]*$")]
    private static partial Regex Plain();
}
