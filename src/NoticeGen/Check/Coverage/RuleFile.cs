namespace NoticeGen.Check.Coverage;

/// <summary>The text of one rule file and its path as diagnostics name it (relative to the site folder, or built-in).</summary>
public sealed record RuleFile(string File, string Text)
{
    /// <summary>The law id a rule file defines: its file name without ".yml" (rules/gdpr.yml defines "gdpr").</summary>
    public string LawId => Path.GetFileNameWithoutExtension(File.Replace('\\', '/').Split('/')[^1]);
}
