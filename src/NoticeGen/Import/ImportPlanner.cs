using System.Text.RegularExpressions;
using NoticeGen.Check;
using NoticeGen.Check.Content;

namespace NoticeGen.Import;

/// <summary>
/// Turns the pages of one version into a site: skips notices that repeat an earlier one, writes a section the pages
/// repeat word for word once (listed in each notice), gives fragments ids (the id an earlier version's matching section
/// had, else the source's anchor, else one from the heading), resolves in-page links, guesses jurisdictions, and finds
/// near-duplicates for the report.
/// </summary>
public static partial class ImportPlanner
{
    public const string SiteIntroId = "site-intro";

    private enum Kind
    {
        SiteIntro,
        Intro,
        Section,
    }

    /// <summary>A piece of text that becomes a fragment: a notice's section or intro, or the text before the first notice.</summary>
    private sealed record Unit(int Index, Kind Kind, int Page, int Notice, int Section, string? Title, IReadOnlyList<SourceBlock> Blocks, SourceSpan Where);

    private sealed record KeptNotice(int Page, int InPage, SourceNotice Source, IReadOnlyList<ComparableWord> Words);

    private sealed class Group(Unit first)
    {
        public List<Unit> Members { get; } = [first];

        public Unit First => Members[0];

        public string Id { get; set; } = string.Empty;

        public string Folder { get; set; } = string.Empty;

        public List<int> Notices => Members.Select(m => m.Notice).Distinct().ToList();
    }

    /// <summary>What an in-page link points at once resolved: a section (and maybe a sub-heading in it), a notice, or nothing.</summary>
    private sealed record LinkTarget(int? Unit, int Notice, string? SubAnchor);

    public static VersionPlan Plan(IReadOnlyList<SourcePage> pages, ImportOptions options, ImportState previous, string origin)
    {
        var notes = pages.SelectMany(p => p.Notes).ToList();

        // Notices, without copies of earlier ones.
        var kept = new List<KeptNotice>();
        var noticeOf = new Dictionary<(int Page, int InPage), int>();
        var repeats = new List<RepeatedNotice>();
        for (var p = 0; p < pages.Count; p++)
        {
            for (var k = 0; k < pages[p].Notices.Count; k++)
            {
                var notice = pages[p].Notices[k];
                var noticeWords = ComparableWords.Of(string.Join('\n', notice.PlainTexts()));
                var original = kept.FindIndex(o => (notice.Untitled || o.Source.Title == notice.Title) && Alike(o.Words, noticeWords, options.NearThreshold));
                if (original >= 0)
                {
                    var o = kept[original];
                    var changes = WordComparison.Changes(o.Words, noticeWords);
                    repeats.Add(new RepeatedNotice(notice.Title, new SourceSpan(pages[p].File, notice.Line, 1), notice.LastLine, o.Source.Title,
                        new SourceSpan(pages[o.Page].File, o.Source.Line, 1), WordComparison.Similarity(o.Words, noticeWords),
                        changes.Where(c => c.Added.Length > 0).ToList()));
                    noticeOf[(p, k)] = original;
                    continue;
                }

                noticeOf[(p, k)] = kept.Count;
                kept.Add(new KeptNotice(p, k, notice, noticeWords));
            }
        }

        var siteTitle = pages.Select(p => p.SiteTitle).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? kept[0].Source.Title;
        var noticeIds = NoticeIds(kept, options, previous, siteTitle);
        // What the reader said about a copy that is skipped does not concern the site.
        notes.RemoveAll(n => repeats.Any(r => r.Where.File == n.Where.File && n.Where.Line >= r.Where.Line && n.Where.Line <= r.LastLine));

        // Units, and where each section of each page's notices went.
        var units = new List<Unit>();
        var unitOf = new Dictionary<(int Notice, int Section), int>();
        var siteIntro = pages.SelectMany((p, i) => p.SiteIntro.Select(b => (Page: i, Block: b)))
            .DistinctBy(x => x.Block.Markdown).ToList();
        if (siteIntro.Count > 0)
        {
            units.Add(new Unit(units.Count, Kind.SiteIntro, siteIntro[0].Page, -1, -1, null, siteIntro.Select(x => x.Block).ToList(),
                new SourceSpan(pages[siteIntro[0].Page].File, siteIntro[0].Block.Line, 1)));
        }

        for (var g = 0; g < kept.Count; g++)
        {
            var (page, source) = (kept[g].Page, kept[g].Source);
            if (source.Intro.Count > 0)
            {
                units.Add(new Unit(units.Count, Kind.Intro, page, g, -1, null, source.Intro, new SourceSpan(pages[page].File, source.Intro[0].Line, 1)));
            }

            for (var s = 0; s < source.Sections.Count; s++)
            {
                var section = source.Sections[s];
                unitOf[(g, s)] = units.Count;
                units.Add(new Unit(units.Count, Kind.Section, page, g, s, section.Title, section.Blocks, new SourceSpan(pages[page].File, section.Line, 1)));
            }
        }

        LinkTarget? Resolve(Unit unit, string anchor)
        {
            if (!pages[unit.Page].Anchors.TryGetValue(anchor, out var target) || !noticeOf.TryGetValue((unit.Page, target.Notice), out var g))
            {
                return null;
            }

            var isCopy = kept[g].Page != unit.Page || kept[g].InPage != target.Notice;
            return target.Section is { } s && !isCopy && unitOf.TryGetValue((g, s), out var u)
                ? new LinkTarget(u, g, target.SubAnchor)
                : new LinkTarget(null, g, null);
        }

        // Word-for-word repeats: the same title and text, with links that lead to the same text.
        string RawKey(Unit u) => u.Kind + "\n" + u.Title + "\n" + Fold(string.Join("\n\n", u.Blocks.Select(b => b.Markdown)));
        var rawKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        int TargetKey(Unit u) => rawKeys.TryGetValue(RawKey(u), out var n) ? n : rawKeys[RawKey(u)] = rawKeys.Count;
        string Key(Unit u) => u.Kind + "\n" + u.Title + "\n" + Fold(string.Join("\n\n", u.Blocks.Select(b => InPageLink().Replace(b.Markdown, m =>
            Resolve(u, m.Groups[2].Value) switch
            {
                null => m.Groups[1].Value,
                { Unit: { } t } target => $"[{m.Groups[1].Value}](#{TargetKey(units[t])}/{target.SubAnchor})",
                { } target => $"[{m.Groups[1].Value}](notice:{target.Notice})",
            }))));

        var groups = new List<Group>();
        var groupOf = new int[units.Count];
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            var key = Key(unit);
            if (options.Deduplicate && unit.Kind != Kind.Intro && byKey.TryGetValue(key, out var existing) && !groups[existing].Notices.Contains(unit.Notice))
            {
                groups[existing].Members.Add(unit);
                groupOf[unit.Index] = existing;
                continue;
            }

            byKey.TryAdd(key, groups.Count);
            groupOf[unit.Index] = groups.Count;
            groups.Add(new Group(unit));
        }

        // Ids: an earlier version's, else the source's anchor, else one from the heading.
        var used = new HashSet<string>(previous.UsedIds, StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal) { SiteIntroId };
        foreach (var group in groups.Where(g => g.First.Kind != Kind.Section))
        {
            group.Id = group.First.Kind == Kind.SiteIntro ? SiteIntroId : noticeIds[group.First.Notice] + "-intro";
            group.Folder = group.First.Kind == Kind.SiteIntro ? "shared" : noticeIds[group.First.Notice];
            taken.Add(group.Id);
        }

        var sections = groups.Where(g => g.First.Kind == Kind.Section).ToList();
        var words = sections.ToDictionary(g => g, g => ComparableWords.Of(g.First.Title + "\n" + PlainText(g.First)));
        var renamed = new List<KeptId>();
        var matches = SectionMatcher.Match(sections.Select(g => (words[g], g.First.Title ?? string.Empty, noticeIds[g.First.Notice])).ToList(), previous.Fragments);
        for (var i = 0; i < sections.Count; i++)
        {
            if (matches[i] is { } match && !taken.Contains(match.Fragment.Id))
            {
                sections[i].Id = match.Fragment.Id;
                sections[i].Folder = match.Fragment.Folder;
                taken.Add(match.Fragment.Id);
                if (!string.Equals(match.Fragment.Title, sections[i].First.Title, StringComparison.Ordinal))
                {
                    renamed.Add(new KeptId(match.Fragment.Id, match.Fragment.Title ?? string.Empty, sections[i].First.Title ?? string.Empty, match.Similarity));
                }
            }
        }

        var fresh = sections.Where(g => g.Id.Length == 0).ToList();
        var wanted = fresh.ToDictionary(g => g, g => pages[g.First.Page].Notices[kept[g.First.Notice].InPage].Sections[g.First.Section].Anchors
            .FirstOrDefault(Slugs.IsGoodAnchor) ?? Slugs.FromTitle(g.First.Title ?? "section"));
        var reserved = new HashSet<string>(used.Concat(taken), StringComparer.Ordinal);
        foreach (var group in fresh)
        {
            var id = wanted[group];
            // Two sections wanting one id (each notice's "Contact us"): each is named after its notice.
            if (reserved.Contains(id) || fresh.Count(g => wanted[g] == id) > 1)
            {
                var prefix = noticeIds[group.First.Notice] + "-";
                id = id.StartsWith(prefix, StringComparison.Ordinal) ? id : prefix + id;
            }

            group.Id = Slugs.Unique(id, reserved);
            group.Folder = noticeIds[group.First.Notice];
            taken.Add(group.Id);
        }

        // Sub-headings keep an anchor when the source gave them one or a link points at them.
        var targeted = new HashSet<(int Unit, string Key)>();
        foreach (var unit in units)
        {
            foreach (var block in unit.Blocks)
            {
                foreach (Match m in InPageLink().Matches(block.Heading?.Markdown ?? block.Markdown))
                {
                    if (Resolve(unit, m.Groups[2].Value) is { Unit: { } t, SubAnchor: { } sub })
                    {
                        targeted.Add((groups[groupOf[t]].First.Index, sub));
                    }
                }
            }
        }

        var subIds = new Dictionary<(int Unit, string Key), string>();
        var anchorIds = new HashSet<string>(taken.Concat(used), StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (var heading in group.First.Blocks.Select(b => b.Heading).OfType<SubHeading>())
            {
                if (heading.Key is { } key && (heading.Anchors.Count > 0 || targeted.Contains((group.First.Index, key))))
                {
                    var id = heading.Anchors.Append(key).FirstOrDefault(Slugs.IsGoodAnchor) ?? Slugs.FromTitle(MarkdownPageReader.PlainText(heading.Markdown));
                    subIds[(group.First.Index, key)] = Slugs.Unique(id, anchorIds);
                }
            }
        }

        string Relink(Unit unit, string markdown) => InPageLink().Replace(markdown, m =>
        {
            var text = m.Groups[1].Value;
            var target = Resolve(unit, m.Groups[2].Value);
            if (target is null)
            {
                notes.Add(new ImportNote(NoteKind.Check, unit.Where,
                    $"The link “{text}” points at '#{m.Groups[2].Value}', which is nowhere on the page: it was kept as text."));
                return text;
            }

            var notice = noticeIds[target.Notice];
            if (target.Unit is not { } t)
            {
                return unit.Notice == target.Notice ? text : $"[{text}](notice:{notice})";
            }

            var targetGroup = groups[groupOf[t]];
            var anchor = target.SubAnchor is { } sub && subIds.TryGetValue((targetGroup.First.Index, sub), out var subId) ? subId : targetGroup.Id;
            // A fragment shown in several notices links within the page only when the target is on each of them.
            var local = unit.Kind != Kind.SiteIntro && groups[groupOf[unit.Index]].Notices.All(n => targetGroup.Notices.Contains(n));
            var target0 = units[t];
            if (kept[target0.Notice].Source.Numbered && target.SubAnchor is null && text.Trim() == $"section {target0.Section + 1}")
            {
                text = string.Empty;
            }

            return $"[{text}]({(local ? string.Empty : "notice:" + notice)}#{anchor})";
        });

        // The fragments.
        var fragments = new List<DraftFragment>();
        var guesses = new List<GuessedSection>();
        foreach (var group in groups)
        {
            var unit = group.First;
            var body = string.Join("\n\n", unit.Blocks.Select(b => b.Heading is { } h
                ? new string('#', Math.Min(6, 2 + h.Depth)) + " " + Relink(unit, h.Markdown)
                  + (h.Key is { } key && subIds.TryGetValue((unit.Index, key), out var id) ? " {#" + id + "}" : string.Empty)
                : Relink(unit, b.Markdown)));
            JurisdictionGuess? guess = null;
            if (unit.Kind == Kind.Section)
            {
                guess = JurisdictionGuesser.Guess(unit.Title!, unit.Blocks.FirstOrDefault(b => b.Heading is null)?.PlainText);
                if (guess is not null)
                {
                    guesses.Add(new GuessedSection(group.Id, unit.Title!, guess, unit.Where));
                }
            }

            fragments.Add(new DraftFragment(group.Id, group.Folder, unit.Title, guess, MarkdownText.HasTemplateCode(body), body));
        }

        var notices = kept.Select((n, g) => new DraftNotice(noticeIds[g], n.Source.Title,
            groups.FirstOrDefault(x => x.First.Kind == Kind.Intro && x.First.Notice == g)?.Id, n.Source.Numbered,
            units.Where(u => u.Kind == Kind.Section && u.Notice == g).Select(u => groups[groupOf[u.Index]].Id).ToList())).ToList();
        var site = new DraftSite(siteTitle, groups.Any(g => g.First.Kind == Kind.SiteIntro) ? SiteIntroId : null, notices, fragments, origin);

        var duplicates = groups.Where(g => g.Members.Count > 1).Select(g => new DuplicateSection(g.Id, g.First.Title ?? "(intro)",
            g.Members.Select(m => m.Where).ToList(), g.Notices.Select(n => noticeIds[n]).ToList())).ToList();
        var (nearSections, nearParagraphs) = NearDuplicates(sections, options.NearThreshold);
        notes.AddRange(DatedText(units));

        var known = sections.Select(g => new KnownFragment(g.Id, g.Folder, g.First.Title, words[g], g.Notices.Select(n => noticeIds[n]).ToList()))
            .Concat(previous.Fragments.Where(f => !taken.Contains(f.Id))).ToList();
        var next = new ImportState(known,
            notices.Select(n => new KnownNotice(n.Id, n.Title)).Concat(previous.Notices.Where(p => notices.All(n => n.Id != p.Id))).ToList(),
            new HashSet<string>(used.Concat(taken).Concat(noticeIds), StringComparer.Ordinal));
        return new VersionPlan(site, kept.Select((n, g) => new PlannedNotice(noticeIds[g], n.Source.Title, pages[n.Page].File, n.Source)).ToList(),
            duplicates, repeats, nearSections, nearParagraphs, guesses, Distinct(notes), renamed, next);
    }

    /// <summary>
    /// Notice ids: the one <c>--notice</c> gives, else the id an earlier version's notice of that title had, else one from
    /// the title without "Privacy Notice for the" (<c>kaltura-websites</c>).
    /// </summary>
    private static List<string> NoticeIds(List<KeptNotice> kept, ImportOptions options, ImportState previous, string siteTitle)
    {
        if (options.NoticeId is { } given)
        {
            if (kept.Count != 1)
            {
                throw new UserErrorException(Codes.Option.At(new SourceSpan("--notice", 1, 1),
                    $"--notice names one notice, but the source holds {kept.Count}: {string.Join(", ", kept.Select(k => "“" + k.Source.Title + "”"))}.",
                    "Leave out --notice: each notice gets an id from its title, which you can change in site.yml."));
            }

            return [given];
        }

        var ids = new List<string>();
        var taken = new HashSet<string>(StringComparer.Ordinal) { "changes", "assets", "draft", "all" };
        var unmatched = previous.Notices.ToList();
        foreach (var notice in kept)
        {
            var anchor = notice.Source.Anchors.FirstOrDefault(Slugs.IsGoodAnchor);
            var slug = anchor ?? Slugs.FromTitle(notice.Source.Title, notice: true, siteTitle);
            var earlier = unmatched.FirstOrDefault(p => p.Title == notice.Source.Title) ?? unmatched.FirstOrDefault(p => p.Id == slug)
                ?? unmatched.FirstOrDefault(p => Slugs.FromTitle(p.Title, notice: true, siteTitle) == slug)
                ?? (kept.Count == 1 && unmatched.Count == 1 ? unmatched[0] : null);
            if (earlier is not null && !taken.Contains(earlier.Id))
            {
                unmatched.Remove(earlier);
                taken.Add(earlier.Id);
                ids.Add(earlier.Id);
            }
            else
            {
                ids.Add(Slugs.Unique(slug, taken));
            }
        }

        return ids;
    }

    /// <summary>
    /// Near-duplicate sections (whole texts), and near-duplicate paragraphs of sections not already paired as a whole (nor
    /// repeating each other word for word). Text repeated word for word is searched once: see <see cref="CopyAwareSearch"/>.
    /// </summary>
    private static (IReadOnlyList<NearDuplicate> Sections, IReadOnlyList<NearDuplicate> Paragraphs) NearDuplicates(List<Group> sections, double threshold)
    {
        var wholeSearch = new CopyAwareSearch(sections.Select(g => new Paragraph(g.Id, g.First.Where.File, g.First.Where.Line, PlainText(g.First))).ToList(),
            Enumerable.Range(0, sections.Count).ToList(), (_, _) => false);
        var whole = wholeSearch.Find(threshold);

        // Sections that repeat each other word for word are one owner of paragraphs; sections paired as a whole are related.
        var ownerOf = sections.Select((g, i) => wholeSearch.TextOf[i] >= 0 ? wholeSearch.TextOf[i] : sections.Count + i).ToList();
        var indexOf = sections.Select((g, i) => (g.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var paired = whole.Select(p => (ownerOf[indexOf[p.First.FragmentId]], ownerOf[indexOf[p.Second.FragmentId]])).ToHashSet();
        var paragraphs = new List<Paragraph>();
        var owners = new List<int>();
        for (var i = 0; i < sections.Count; i++)
        {
            foreach (var block in sections[i].First.Blocks.Where(b => b.Heading is null))
            {
                paragraphs.Add(new Paragraph(sections[i].Id, sections[i].First.Where.File, block.Line, block.PlainText));
                owners.Add(ownerOf[i]);
            }
        }

        var parts = new CopyAwareSearch(paragraphs, owners, (a, b) => paired.Contains((a, b)) || paired.Contains((b, a))).Find(threshold);
        return (whole.Where(p => p.Changes.Count > 0).ToList(), parts);
    }

    /// <summary>Sentences that state the page's own date go stale with the first release: NoticeGen computes that date.</summary>
    private static IEnumerable<ImportNote> DatedText(List<Unit> units)
    {
        foreach (var unit in units)
        {
            foreach (var block in unit.Blocks)
            {
                var m = StatedDate().Match(block.PlainText);
                if (m.Success)
                {
                    yield return new ImportNote(NoteKind.Check, new SourceSpan(unit.Where.File, block.Line, 1),
                        $"“{HtmlPageReader.Shorten(m.Value)}” states the page's date in its text; NoticeGen shows each page's last-updated date from its releases, so this sentence will go stale. Consider removing it.");
                }
            }
        }
    }

    private static bool Alike(IReadOnlyList<ComparableWord> a, IReadOnlyList<ComparableWord> b, double threshold)
    {
        var (shorter, longer) = a.Count <= b.Count ? (a.Count, b.Count) : (b.Count, a.Count);
        if (longer == 0 || shorter < longer * threshold / (2 - threshold))
        {
            return false;
        }

        // Shared words, repeats counted, bound the common subsequence: most pairs stop here without an alignment.
        var counts = a.GroupBy(w => w.Key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var shared = b.GroupBy(w => w.Key).Sum(g => Math.Min(g.Count(), counts.GetValueOrDefault(g.Key)));
        return 2.0 * shared / (a.Count + b.Count) >= threshold && WordComparison.Similarity(a, b) >= threshold;
    }

    private static string PlainText(Unit unit) => string.Join('\n', unit.Blocks.Select(b => b.PlainText));

    private static string Fold(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static List<ImportNote> Distinct(List<ImportNote> notes) => notes.Distinct().ToList();

    /// <summary>An in-page link as the readers write it: [text](#anchor), maybe with a title.</summary>
    [GeneratedRegex(@"(?<!!)\[((?:[^\[\]\\]|\\.)*)\]\(#([^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex InPageLink();

    [GeneratedRegex(@"\b(last (updated|revised|modified|reviewed)|last update|effective (date|as of|from))\b[^.\n]{0,40}?\b(19|20)\d\d\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatedDate();
}
