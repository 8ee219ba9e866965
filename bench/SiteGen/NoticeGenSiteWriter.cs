using System.Text;

namespace NoticeGen.Bench.SiteGen;

/// <summary>Writes a synthetic site as a NoticeGen site folder: site.yml and one Markdown fragment per section.</summary>
public static class NoticeGenSiteWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(SyntheticSite site, string workload, string dir)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "site.yml"), SiteYmlWriter.Write(site, workload), Utf8);
        foreach (var fragment in site.Fragments)
        {
            WriteFragment(fragment, dir);
        }
    }

    public static void WriteFragment(SyntheticFragment fragment, string dir)
    {
        var path = Path.Combine(dir, fragment.RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, FragmentText(fragment), Utf8);
    }

    public static string FragmentText(SyntheticFragment fragment)
    {
        var text = new StringBuilder("---\n");
        text.Append("id: ").Append(fragment.Id).Append('\n');
        text.Append("title: ").Append(Yaml.Quote(fragment.Title)).Append('\n');
        if (fragment.Jurisdiction is not null)
        {
            text.Append("jurisdictions: [").Append(fragment.Jurisdiction).Append("]\n");
        }

        return text.Append("---\n").Append(fragment.Body).ToString();
    }
}
