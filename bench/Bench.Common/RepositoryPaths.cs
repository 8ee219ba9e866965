namespace NoticeGen.Bench;

/// <summary>Finds the repository from wherever a bench tool runs (BenchmarkDotNet runs benchmarks from a generated folder under bin/).</summary>
public static class RepositoryPaths
{
    /// <summary>The sample's fragments, the corpus of every synthetic text: the nearest content/fragments beside a NoticeGen.sln.</summary>
    public static string CorpusFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var fragments = Path.Combine(dir.FullName, "content", "fragments");
            if (File.Exists(Path.Combine(dir.FullName, "NoticeGen.sln")) && Directory.Exists(fragments))
            {
                return fragments;
            }
        }

        throw new DirectoryNotFoundException($"No NoticeGen repository (NoticeGen.sln beside content/fragments) above {AppContext.BaseDirectory}.");
    }
}
