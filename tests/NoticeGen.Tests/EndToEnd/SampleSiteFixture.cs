using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.EndToEnd;

/// <summary>The sample site built once into a temporary folder (on a fixed date) and shared by the end-to-end tests.</summary>
public sealed class SampleSiteFixture : IDisposable
{
    public const string Today = "2026-11-26";

    public SampleSiteFixture()
    {
        Site = TempSite.Sample();
        BuildResult = TestSupport.Cli.Build(Site, "--now", Today);
    }

    public TempSite Site { get; }

    public CliResult BuildResult { get; }

    public void Dispose() => Site.Dispose();
}
