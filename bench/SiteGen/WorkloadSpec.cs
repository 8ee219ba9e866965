using System.Globalization;

namespace NoticeGen.Bench.SiteGen;

/// <summary>The parameters of one synthetic workload: N notices x F fragments x A audiences, R releases, and the seed.</summary>
public sealed record WorkloadSpec(int Notices, int Fragments, int Audiences, int Releases, ulong Seed)
{
    /// <summary>The folder name of the workload in the cache: every parameter, so two specs never share a folder.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"n{Notices}-f{Fragments}-a{Audiences}-r{Releases}-s{Seed}");

    /// <summary>Pages a build publishes for the working text: each notice in full and once per audience.</summary>
    public int NoticePages => Notices * (Audiences + 1);

    public void Validate()
    {
        if (Notices < 1 || Fragments < 2 || Audiences < 0 || Releases < 0)
        {
            throw new ArgumentException("A workload needs at least 1 notice, 2 fragments per notice, and no negative counts.");
        }
    }
}
