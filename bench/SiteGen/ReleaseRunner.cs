using System.Globalization;

namespace NoticeGen.Bench.SiteGen;

/// <summary>
/// Gives a site a release history: release 1 freezes the generated text; before each later release a few fragments get a
/// few percent of their words changed. Each release is made by the tool itself, in-process, as `noticegen release` would.
/// </summary>
public static class ReleaseRunner
{
    /// <summary>The effective date of release 1; each next one is a week later.</summary>
    public static readonly DateOnly FirstRelease = new(2022, 1, 3);

    public static DateOnly EffectiveDate(int release) => FirstRelease.AddDays(7 * (release - 1));

    public static SyntheticSite Run(SyntheticSite site, int releases, string dir, Corpus corpus, Pcg32 rng, TextWriter progress)
    {
        var fragments = site.Fragments.ToList();
        for (var r = 1; r <= releases; r++)
        {
            var summary = "Initial release";
            if (r > 1)
            {
                var edited = new SortedSet<int>();
                var count = 1 + rng.Next(3);
                while (edited.Count < Math.Min(count, fragments.Count))
                {
                    edited.Add(rng.Next(fragments.Count));
                }

                foreach (var index in edited)
                {
                    var fragment = fragments[index];
                    fragments[index] = fragment with { Body = WordEditor.ChangeWords(fragment.Body, 2 + rng.Next(4), rng, corpus.Words) };
                    NoticeGenSiteWriter.WriteFragment(fragments[index], dir);
                    site = site.WithBody(fragment.Id, fragments[index].Body);
                }

                summary = "Revised " + string.Join(", ", edited.Select(i => fragments[i].Id));
            }

            Release(dir, EffectiveDate(r), summary);
            if (r % 10 == 0 || r == releases)
            {
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sitegen: {r}/{releases} releases"));
            }
        }

        return site;
    }

    /// <summary>
    /// Freezes the working text as the release command does, with its own archive code, but without the checks it runs
    /// first: the generated text passes them, and they build the whole site with its history, which for each of 200
    /// releases would take the generation from minutes to hours.
    /// </summary>
    private static void Release(string dir, DateOnly effective, string summary)
    {
        var sink = new NoticeGen.Check.DiagnosticSink();
        var working = NoticeGen.Load.ContentLoader.LoadWorking(dir, sink);
        var releases = NoticeGen.Releases.ReleaseStore.LoadAll(dir, sink: sink);
        if (sink.HasErrors)
        {
            throw new InvalidOperationException($"the generated site at {dir} does not load:\n{string.Join('\n', sink.Items)}");
        }

        NoticeGen.Releases.ReleaseStore.Write(dir, NoticeGen.Releases.ReleaseStore.Prepare(dir, working, effective, summary, releases));
    }
}
