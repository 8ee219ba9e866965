namespace NoticeGen.Tests.TestSupport;

/// <summary>Finds the repository (for the sample site and templates) and the test fixtures.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NoticeGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NoticeGen.sln not found above " + AppContext.BaseDirectory);
    }
}
