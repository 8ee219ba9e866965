using System.Globalization;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Import;

/// <summary>The same sources give byte-identical sites and reports, whatever the machine's culture.</summary>
public sealed class ImportDeterminismTests
{
    [Fact]
    public void Two_imports_of_a_history_are_byte_identical_even_under_another_culture()
    {
        var files = HistoryImportFixture.Files.Select(f => Repo.Fixture(Path.Combine("import", "history", f))).ToArray();
        using var first = new ImportTarget();
        using var second = new ImportTarget();
        Assert.Equal(0, first.Import(["--history", .. files]).ExitCode);

        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            Assert.Equal(0, second.Import(["--history", .. files]).ExitCode);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        var a = Written(first.Dir);
        var b = Written(second.Dir);
        Assert.Equal(a.Keys, b.Keys);
        Assert.Contains("import-report.html", a.Keys);
        Assert.Contains("content/releases/2025-02-14/release.yml", a.Keys);
        foreach (var (path, bytes) in a)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(b[path]), $"{path} differs between imports");
        }
    }

    /// <summary>What the import wrote: everything but the templates the test put there.</summary>
    private static SortedDictionary<string, byte[]> Written(string dir) =>
        new(TempSite.Snapshot(dir).Where(f => !f.Key.StartsWith("templates/", StringComparison.Ordinal)).ToDictionary(), StringComparer.Ordinal);
}
