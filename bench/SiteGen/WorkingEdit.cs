namespace NoticeGen.Bench.SiteGen;

/// <summary>The smallest edit an editor makes: one word of one working fragment, for timing a rebuild after a change.</summary>
public static class WorkingEdit
{
    /// <summary>Changes one word in the body of one fragment (chosen by the seed) and returns that fragment's path.</summary>
    public static string ChangeOneWord(string site, Corpus corpus, Pcg32 rng)
    {
        var files = Directory.EnumerateFiles(Path.Combine(site, "content", "fragments"), "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidDataException($"{site} has no fragments to edit.");
        }

        var file = rng.Pick(files);
        var text = File.ReadAllText(file);
        var bodyStart = BodyStart(text) ?? throw new InvalidDataException($"{file} has no front matter.");
        var body = text[bodyStart..];
        var edited = WordEditor.ChangeWords(body, 0, rng, corpus.Words);
        if (edited == body)
        {
            throw new InvalidDataException($"{file} has no word that can be changed.");
        }

        File.WriteAllText(file, text[..bodyStart] + edited);
        return file;
    }

    /// <summary>Where the body starts: after the line that closes the front matter.</summary>
    private static int? BodyStart(string text)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return null;
        }

        var close = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        return close < 0 ? null : close + 5;
    }
}
