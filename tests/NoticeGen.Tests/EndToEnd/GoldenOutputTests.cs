using System.Security.Cryptography;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.EndToEnd;

/// <summary>
/// The sample's whole output, byte for byte, against recorded hashes (Fixtures/golden): a refactoring of the pipeline
/// must not change a single page unless the change is meant, and then the hashes are regenerated and the change named.
/// </summary>
public sealed class GoldenOutputTests
{
    [Theory]
    [InlineData("2026-11-26", false)]
    [InlineData("2025-12-01", true)]
    [InlineData("2025-06-01", false)]
    [InlineData("2024-06-01", true)]
    public void The_sample_builds_to_its_recorded_output(string now, bool drafts)
    {
        using var site = TempSite.Sample();
        // One unreleased edit, so that the draft pages and their redlines have something to show.
        site.Replace("content/fragments/shared/transfers.md", "Kaltura is a global organization", "Kaltura is a worldwide organization");
        TestSupport.Cli.Build(site, drafts ? ["--now", now, "--drafts"] : ["--now", now]);

        var actual = TempSite.Snapshot(site.Out)
            .Where(f => f.Key != ".noticegen-output")
            .ToDictionary(f => f.Key, f => Convert.ToHexStringLower(SHA256.HashData(f.Value)));
        var file = Path.Combine(Repo.Root, "tests", "NoticeGen.Tests", "Fixtures", "golden", now + (drafts ? "-drafts" : string.Empty) + ".sha256");
        if (Environment.GetEnvironmentVariable("NOTICEGEN_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllLines(file, actual.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Value}  {f.Key}"));
        }

        var expected = File.ReadAllLines(file).Select(l => l.Split("  ", 2)).ToDictionary(p => p[1], p => p[0]);
        var differences = expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal)
            .Where(path => expected.GetValueOrDefault(path) != actual.GetValueOrDefault(path))
            .Select(path => !actual.ContainsKey(path) ? $"missing: {path}" : !expected.ContainsKey(path) ? $"new: {path}" : $"changed: {path}")
            .ToList();
        Assert.True(differences.Count == 0, $"{differences.Count} output file(s) differ from {Path.GetFileName(file)}:\n{string.Join('\n', differences)}");
    }
}
