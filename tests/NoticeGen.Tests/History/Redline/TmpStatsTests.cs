using CsCheck;
using NoticeGen.History.Redline;

namespace NoticeGen.Tests.History.Redline;

public sealed class TmpStatsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Stats()
    {
        int total = 0, changed = 0, replaced = 0, moved = 0, added = 0, removed = 0, linkChanges = 0, wordDiff = 0, addedBlocks = 0, removedBlocks = 0, nested = 0, respaced = 0;
        var gen = Gen.Select(RedlineGenerators.Page, RedlineGenerators.Edit.Array[0, 4], Gen.Int[0, 3]);
        gen.Sample((page, edits, spacing) =>
        {
            var edited = page; var ns = spacing;
            foreach (var e in edits) { (edited, var r) = RedlineGenerators.Apply(edited, e); ns += r ? 1 : 0; }
            var d = PageDiffer.Compare(page.Render(spacing), edited.Render(ns));
            lock (output)
            {
                total++;
                if (ns != spacing) respaced++;
                if (d.Summary.HasChanges) changed++;
                var blocks = d.Sections.SelectMany(s => s.Blocks).ToList();
                if (blocks.Any(b => b.Replaced)) replaced++;
                if (blocks.Any(b => b.Kind == ChangeKind.Changed && !b.Replaced)) wordDiff++;
                if (blocks.Any(b => b.Kind == ChangeKind.Added)) addedBlocks++;
                if (blocks.Any(b => b.Kind == ChangeKind.Removed)) removedBlocks++;
                if (blocks.Any(b => b.Containers.Count(c => c.Tag == "li") > 0)) nested++;
                if (blocks.Any(b => b.Tokens.Any(t => t.Change != TokenChange.Same && t.Href != null))) linkChanges++;
                if (d.Summary.SectionsMoved > 0) moved++;
                if (d.Summary.SectionsAdded > 0) added++;
                if (d.Summary.SectionsRemoved > 0) removed++;
            }
        }, iter: 1000, threads: 1);
        output.WriteLine($"total {total} changed {changed} wordDiff {wordDiff} replaced {replaced} addedBlocks {addedBlocks} removedBlocks {removedBlocks} nested {nested} link {linkChanges} moved {moved} added {added} removed {removed} respaced {respaced}");
    }
}
