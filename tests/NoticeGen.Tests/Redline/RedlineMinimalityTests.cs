using System.Globalization;
using NoticeGen.Redline;
using Xunit.Abstractions;
using static NoticeGen.Tests.Redline.RedlineSupport;

namespace NoticeGen.Tests.Redline;

/// <summary>
/// How many words the redline marks, against the fewest any word diff of the section's whole text could mark: on histories
/// of a real-style policy, at most 1.5 times as many at the median section change and 3 times at worst. Blocks are aligned
/// before words, so a redline marks more than the minimum where it shows a rewritten paragraph as replaced rather than as
/// confetti; it marks less where a paragraph moved to another section (the minimum counts it deleted and added).
/// </summary>
public sealed class RedlineMinimalityTests(ITestOutputHelper output)
{
    [Fact]
    public void Words_marked_stay_close_to_a_minimal_word_diff_of_each_section()
    {
        var samples = new List<(string Where, int Marked, int Minimal)>();
        foreach (var history in PolicyHistories.All)
        {
            for (var v = 1; v < history.Versions.Count; v++)
            {
                var (old, @new) = (history.Versions[v - 1].ToPage(), history.Versions[v].ToPage());
                var diff = PageDiffer.Compare(old, @new);
                Assert.True(diff.Summary.HasChanges, $"{history.Name}: '{history.Versions[v].Label}' shows no change");
                var oldTexts = SectionTexts(old).ToDictionary(s => s.Id, s => s.Text);
                var newTexts = SectionTexts(@new).ToDictionary(s => s.Id, s => s.Text);
                foreach (var section in diff.Sections.Where(s => s.HasChanges && oldTexts.ContainsKey(s.Id) && newTexts.ContainsKey(s.Id)))
                {
                    var marked = section.Blocks.Select(b => b.Tokens).Prepend(section.HeadingTokens)
                        .Sum(tokens => tokens.Count(t => t.IsWord && t.Change != TokenChange.Same));
                    var minimal = MinimalWordDiff(oldTexts[section.Id], newTexts[section.Id]);
                    if (minimal == 0)
                    {
                        // Links, formatting and moves within the section: no word changed, none may be marked.
                        Assert.True(marked == 0, $"{history.Name}: '{history.Versions[v].Label}' marks {marked} words in {section.Id}, whose words did not change");
                        continue;
                    }

                    samples.Add(($"{history.Name} {v}: {history.Versions[v].Label} [{section.Id}]", marked, minimal));
                }
            }
        }

        foreach (var (where, marked, minimal) in samples)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(double)marked / minimal,5:F2}  {marked,4} / {minimal,4}  {where}"));
        }

        var ratios = samples.Select(s => (double)s.Marked / s.Minimal).Order().ToList();
        var median = ratios.Count % 2 == 1 ? ratios[ratios.Count / 2] : (ratios[(ratios.Count / 2) - 1] + ratios[ratios.Count / 2]) / 2;
        var worst = ratios[^1];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ratios.Count} section changes: median ratio {median:F2}, worst {worst:F2}"));
        Assert.True(ratios.Count >= 25, $"only {ratios.Count} section changes measured");
        Assert.True(median <= 1.5, $"median ratio {median:F2}");
        Assert.True(worst <= 3, $"worst ratio {worst:F2}");
    }

    /// <summary>The fewest words a word diff of the two texts marks: those outside their longest common subsequence.</summary>
    private static int MinimalWordDiff(string old, string @new)
    {
        var a = Words(old);
        var b = Words(@new);
        var common = SequenceAligner.Align(a, b).Where(r => r.Equal).Sum(r => r.OldCount);
        return a.Count + b.Count - (2 * common);
    }

    private static List<string> Words(string text) =>
        WordTokenizer.Instance.Chunk(text).Where(t => t.EnumerateRunes().Any(System.Text.Rune.IsLetterOrDigit)).ToList();
}
