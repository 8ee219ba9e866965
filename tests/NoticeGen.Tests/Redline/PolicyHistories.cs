using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using NoticeGen.Redline;

namespace NoticeGen.Tests.Redline;

/// <summary>A section of a policy version: a stable id, its title (numbered on the page) and its Markdown.</summary>
internal sealed record PolicySection(string Id, string Title, string Markdown);

/// <summary>One version of a policy, as its editors wrote it, and as the redline reads it (Markdig HTML, numbered headings).</summary>
internal sealed record PolicyVersion(string Label, IReadOnlyList<PolicySection> Sections)
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().Build();

    public PageText ToPage() => new("Privacy Notice for the Kaltura Websites", string.Empty,
        Sections.Select((s, i) => new SectionText(s.Id, $"{i + 1}. {s.Title}", Markdig.Markdown.ToHtml(s.Markdown, Markdown))).ToList());
}

/// <summary>A policy's versions in order, each made from the one before by the edits of one release.</summary>
internal sealed record PolicyHistory(string Name, IReadOnlyList<PolicyVersion> Versions);

/// <summary>
/// Small histories in the style of a real privacy statement's: the Kaltura Websites notice of the seed page, taken through the
/// releases such a notice goes through (renamed headings, regrouped lists, link-only releases, moved sections and paragraphs,
/// formatting, paragraphs split, merged or turned into lists, sentences added and rewritten). Each release is a list of edits
/// of the Markdown, applied to the version before, so every version is real text in real Markdown.
/// </summary>
internal static partial class PolicyHistories
{
    private static readonly string[] Ids =
        ["covers", "collection", "categories", "purposes", "children", "cookies", "preferences", "disclosure", "retention", "forums",
         "third-party-sites", "security", "ccpa", "gdpr", "transfers", "contact", "changes"];

    public static IReadOnlyList<PolicyHistory> All { get; } = [Websites(), Restructure(), LinksAndFormatting(), Rights(), Wording()];

    /// <summary>The seed's Websites notice (its 17 sections) as Markdown: "- " lines are list items, other lines paragraphs.</summary>
    public static PolicyVersion Base()
    {
        var lines = SeedPages.SeedText.Split('\n').Select(l => l.TrimEnd('\r')).Skip(12).Take(116).Where(l => l.Trim().Length > 0).ToList();
        var sections = new List<(string Title, List<string> Lines)>();
        foreach (var line in lines)
        {
            if (Heading().Match(line) is { Success: true } heading)
            {
                sections.Add((heading.Groups[1].Value, []));
            }
            else
            {
                sections[^1].Lines.Add(line.Trim());
            }
        }

        return new PolicyVersion("base", sections.Select((s, i) => new PolicySection(Ids[i], s.Title, Markdown(s.Lines))).ToList());
    }

    /// <summary>Paragraphs apart; a run of "- " lines one list.</summary>
    private static string Markdown(List<string> lines)
    {
        var markdown = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var item = lines[i].StartsWith("- ", StringComparison.Ordinal);
            var nextItem = i + 1 < lines.Count && lines[i + 1].StartsWith("- ", StringComparison.Ordinal);
            markdown.Append(lines[i]).Append(item && nextItem ? "\n" : "\n\n");
        }

        return markdown.ToString();
    }

    /// <summary>Eight releases of the notice, one kind of change or a few in each, as a legal team makes them over years.</summary>
    private static PolicyHistory Websites() => History("websites", Base(),
        ("renamed headings, a word edit", [
            Rename("children", "Children’s privacy"),
            Rename("preferences", "Your choices: editing, deleting and opting out"),
            Replace("collection", "is not mandatory", "is voluntary")]),
        ("a list regrouped under three new sub-headings, words unchanged", [
            Regroup("collection", ("### When you visit or interact with our Websites", [0, 1]),
                ("### When you sign up, register or take part", [2, 3, 4, 6]), ("### When you write to us or apply for a job", [5]))]),
        ("a link-only release", [
            Replace("covers", "visit: Privacy Notice for the Kaltura Platform.", "visit: [Privacy Notice for the Kaltura Platform](https://corp.kaltura.com/legal/privacy/platform)."),
            Replace("gdpr", "https://ec.europa.eu/justice/data-protection/index_en.htm", "https://commission.europa.eu/law/law-topic/data-protection_en")]),
        ("a section moved, a paragraph moved to another section", [
            MoveSection("cookies", after: "disclosure"),
            MoveParagraph("disclosure", "Kaltura and its affiliates are located", to: "transfers", index: 1)]),
        ("formatting: bold key phrases, a list turned into paragraphs", [
            Replace("disclosure", "We do not sell, disclose, or share Personal Information", "We **do not sell**, disclose, or share Personal Information"),
            Replace("ccpa", "Kaltura does not sell Personal Information", "Kaltura *does not sell* Personal Information"),
            ListToParagraphs("purposes")]),
        ("a long paragraph split, two short ones merged", [
            SplitParagraph("categories", "In addition, like most other websites", "Information collected automatically"),
            MergeParagraphs("children", "The Kaltura Websites are not intended")]),
        ("paragraphs turned into a list, a sentence added, a paragraph rewritten", [
            ParagraphsToList("covers", "The “Kaltura Websites”", 2),
            Replace("retention", "and resolve disputes.", "and resolve disputes. We delete or anonymize it when it is no longer needed for these purposes."),
            ReplaceParagraph("forums", "If you participate in a Kaltura blog",
                "Our community forums are public: anything you post there can be read by other users and by search engines. Kaltura moderates the forums and may remove content that breaks the forum rules.")]));

    /// <summary>A restructuring release followed by clean-ups: sections reordered, lists split into sub-lists, headings relevelled.</summary>
    private static PolicyHistory Restructure() => History("restructure", Base(),
        ("sections reordered: rights sections first", [MoveSection("ccpa", after: "covers"), MoveSection("gdpr", after: "ccpa")]),
        ("a list split under two headings and its intro reworded", [
            Regroup("gdpr", ("#### Rights about your consent and access", [0, 1, 2]), ("#### Rights to object, erase, restrict and move your data", [3, 4, 5, 6, 7])),
            Replace("gdpr", "either on the basis of your consent", "either on the basis of your consent given to us")]),
        ("sub-headings relevelled, a paragraph moved within its section", [
            Replace("gdpr", "#### Rights", "### Rights"),
            MoveParagraphWithin("gdpr", "You have a right to complain", toIndex: 2)]),
        ("two sections merged into one", [MergeSections("retention", into: "security")]),
        ("cookies list turned into a table", [CookiesTable()]));

    /// <summary>Releases that change only links or formatting, which the words alone would not show.</summary>
    private static PolicyHistory LinksAndFormatting() => History("links-and-formatting", Base(),
        ("links added around existing words", [
            Replace("contact", "DPO@kaltura.com.", "[DPO@kaltura.com](mailto:DPO@kaltura.com)."),
            Replace("gdpr", "Protection of Personal Data, at:", "[Protection of Personal Data](https://ec.europa.eu/info/law/law-topic/data-protection_en), at:")]),
        ("a link's target changed", [Replace("contact", "(mailto:DPO@kaltura.com)", "(mailto:privacy@kaltura.com)")]),
        ("emphasis added", [
            Replace("security", "no data transmission over the Internet", "*no* data transmission over the Internet"),
            Replace("disclosure", "We do not sell, disclose", "We **do not sell**, disclose")]),
        ("emphasis removed, the address turned into lines", [
            Replace("disclosure", "**do not sell**", "do not sell"),
            Replace("contact", "Kaltura, Inc.\n\n860 Broadway, 3rd Floor\n\nNew York, NY 10003\n\nAttention: Legal Counsel",
                "Kaltura, Inc.  \n860 Broadway, 3rd Floor  \nNew York, NY 10003  \nAttention: Legal Counsel")]));

    /// <summary>The rights sections grow over the years: new rights, new wording, a list regrouped, a paragraph out into a list.</summary>
    private static PolicyHistory Rights() => History("rights", Base(),
        ("new CCPA rights added to the list", [
            Replace("ccpa", "- You have the right to request that we delete", "- You have the right to correct inaccurate Personal Information.\n- You have the right to request that we delete"),
            Replace("ccpa", "subject to certain exceptions.\n\nYou have the right to not be denied", "subject to certain exceptions.\n- You have the right to not be denied")]),
        ("CPRA wording: sell or share", [
            Replace("ccpa", "does not sell Personal Information", "does not sell or share Personal Information"),
            Replace("ccpa", "California Consumer Privacy Act of 2018 (CCPA)", "California Consumer Privacy Act of 2018, as amended by the California Privacy Rights Act (CCPA)")]),
        ("the rights list regrouped and the closing paragraph split", [
            Regroup("ccpa", ("#### Access and knowledge", [0, 1]), ("#### Correction and deletion", [2, 3]), ("#### Non-discrimination", [4])),
            SplitParagraph("gdpr", "By visiting the Kaltura Websites", "Under the GDPR and applicable")]),
        ("the EU representative's address as a list", [ParagraphsToList("gdpr", "Kaltura Germany GmbH", 7)]));

    /// <summary>Yearly wording updates: words and sentences changed, added and removed in many sections, as most releases are.</summary>
    private static PolicyHistory Wording() => History("wording", Base(),
        ("plainer words", [
            Replace("purposes", "solely for certain legitimate business purposes, which include some or all of the following", "only for these business purposes"),
            Replace("preferences", "by sending us an e-mail request at", "by writing to"),
            Replace("categories", "we may collect Personal Information that you voluntarily provide", "we collect the Personal Information you give us")]),
        ("GDPR terms: personal data", [
            Replace("gdpr", "process your Personal Information for the purposes described above", "process your personal data for the purposes described above"),
            Replace("gdpr", "You have the right to access your Personal Information that we hold", "You have the right to access the personal data we hold about you"),
            Replace("transfers", "We may share your Personal Information within Kaltura", "We may share your personal data within Kaltura")]),
        ("a paragraph removed, one added", [
            ReplaceParagraph("preferences", "New categories of communication", string.Empty),
            Replace("security", "However, no data transmission", "We review these measures every year. However, no data transmission")]),
        ("retention periods stated", [
            Replace("retention", "for any lawfully permitted period of time, and as necessary", "for as long as your account is active and for up to seven years after, as necessary"),
            Replace("ccpa", "We may need to verify your identity before we are able to process your requests.", "We will verify your identity before we process your request, usually within 45 days.")]),
        ("purposes list: one purpose added, one dropped", [
            Replace("purposes", "- Improving our Websites, services, and products.\n", "- Improving our Websites, services, and products.\n- Keeping our Websites and your account secure.\n"),
            Replace("purposes", "- Customizing the advertising and content you see.\n", string.Empty)]),
        ("a definition rewritten, a sentence cut", [
            ReplaceParagraph("covers", "“Marketing Partners” are",
                "“Marketing Partners” are companies that help us market our products, such as event organizers and advertising networks, or that market joint offerings with us."),
            Replace("disclosure", " In such an event, Kaltura will make a public announcement before information about you becomes subject to a different privacy policy.", string.Empty)]));

    private static PolicyHistory History(string name, PolicyVersion first, params (string Label, Func<List<PolicySection>, List<PolicySection>>[] Edits)[] releases)
    {
        var versions = new List<PolicyVersion> { first };
        foreach (var (label, edits) in releases)
        {
            var sections = versions[^1].Sections.ToList();
            foreach (var edit in edits)
            {
                sections = edit(sections);
            }

            versions.Add(new PolicyVersion(label, sections));
        }

        return new PolicyHistory(name, versions);
    }

    // The edits. Each finds its text or fails loudly: a history that silently stopped changing would measure nothing.

    private static Func<List<PolicySection>, List<PolicySection>> Rename(string id, string title) =>
        sections => Map(sections, id, s => s with { Title = title });

    private static Func<List<PolicySection>, List<PolicySection>> Replace(string id, string from, string to) =>
        sections => Map(sections, id, s => s.Markdown.Contains(from, StringComparison.Ordinal)
            ? s with { Markdown = s.Markdown.Replace(from, to, StringComparison.Ordinal) }
            : throw new InvalidOperationException($"'{from}' is not in section {id}"));

    /// <summary>The paragraph starting with start rewritten as text, or dropped when text is empty.</summary>
    private static Func<List<PolicySection>, List<PolicySection>> ReplaceParagraph(string id, string start, string text) =>
        sections => MapBlocks(sections, id, blocks => blocks.Any(b => b.StartsWith(start, StringComparison.Ordinal))
            ? [.. blocks.Select(b => b.StartsWith(start, StringComparison.Ordinal) ? text : b).Where(b => b.Length > 0)]
            : throw new InvalidOperationException($"'{start}' is not in section {id}"));

    private static Func<List<PolicySection>, List<PolicySection>> MoveSection(string id, string after) =>
        sections =>
        {
            var section = sections.Single(s => s.Id == id);
            var rest = sections.Where(s => s.Id != id).ToList();
            rest.Insert(rest.FindIndex(s => s.Id == after) + 1, section);
            return rest;
        };

    private static Func<List<PolicySection>, List<PolicySection>> MoveParagraph(string from, string start, string to, int index) =>
        sections =>
        {
            var paragraph = Blocks(sections.Single(s => s.Id == from)).Single(b => b.StartsWith(start, StringComparison.Ordinal));
            sections = MapBlocks(sections, from, blocks => blocks.Where(b => b != paragraph).ToList());
            return MapBlocks(sections, to, blocks => [.. blocks.Take(index), paragraph, .. blocks.Skip(index)]);
        };

    private static Func<List<PolicySection>, List<PolicySection>> MoveParagraphWithin(string id, string start, int toIndex) =>
        sections => MapBlocks(sections, id, blocks =>
        {
            var paragraph = blocks.Single(b => b.StartsWith(start, StringComparison.Ordinal));
            var rest = blocks.Where(b => b != paragraph).ToList();
            rest.Insert(toIndex, paragraph);
            return rest;
        });

    /// <summary>The section's first list, its items regrouped (by their index) under new headings, each group a list of its own.</summary>
    private static Func<List<PolicySection>, List<PolicySection>> Regroup(string id, params (string Heading, int[] Items)[] groups) =>
        sections => MapBlocks(sections, id, blocks =>
        {
            var at = blocks.FindIndex(b => b.StartsWith("- ", StringComparison.Ordinal));
            var items = blocks[at].Split('\n');
            var regrouped = groups.SelectMany(g => new[] { g.Heading, string.Join("\n", g.Items.Select(i => items[i])) });
            return [.. blocks.Take(at), .. regrouped, .. blocks.Skip(at + 1)];
        });

    private static Func<List<PolicySection>, List<PolicySection>> ListToParagraphs(string id) =>
        sections => MapBlocks(sections, id, blocks => blocks.SelectMany(b => b.StartsWith("- ", StringComparison.Ordinal)
            ? b.Split('\n').Select(item => item[2..]) : [b]).ToList());

    /// <summary>count paragraphs from the one starting with start become one list.</summary>
    private static Func<List<PolicySection>, List<PolicySection>> ParagraphsToList(string id, string start, int count) =>
        sections => MapBlocks(sections, id, blocks =>
        {
            var at = blocks.FindIndex(b => b.StartsWith(start, StringComparison.Ordinal));
            return at < 0 ? throw new InvalidOperationException($"'{start}' is not in section {id}")
                : [.. blocks.Take(at), string.Join("\n", blocks.Skip(at).Take(count).Select(b => "- " + b)), .. blocks.Skip(at + count)];
        });

    private static Func<List<PolicySection>, List<PolicySection>> SplitParagraph(string id, string start, string at) =>
        sections => MapBlocks(sections, id, blocks => blocks.SelectMany(b => b.StartsWith(start, StringComparison.Ordinal)
            ? new[] { b[..b.IndexOf(at, StringComparison.Ordinal)].TrimEnd(), b[b.IndexOf(at, StringComparison.Ordinal)..] } : [b]).ToList());

    private static Func<List<PolicySection>, List<PolicySection>> MergeParagraphs(string id, string start) =>
        sections => MapBlocks(sections, id, blocks =>
        {
            var at = blocks.FindIndex(b => b.StartsWith(start, StringComparison.Ordinal));
            return [.. blocks.Take(at), blocks[at] + " " + blocks[at + 1], .. blocks.Skip(at + 2)];
        });

    private static Func<List<PolicySection>, List<PolicySection>> MergeSections(string id, string into) =>
        sections =>
        {
            var merged = sections.Single(s => s.Id == id);
            return Map(sections.Where(s => s.Id != id).ToList(), into, s => s with { Markdown = s.Markdown + "\n" + merged.Markdown });
        };

    /// <summary>The cookies list as a table: type and description in two columns.</summary>
    private static Func<List<PolicySection>, List<PolicySection>> CookiesTable() =>
        sections => MapBlocks(sections, "cookies", blocks =>
        {
            var at = blocks.FindIndex(b => b.StartsWith("- Functional", StringComparison.Ordinal));
            var rows = blocks[at].Split('\n').Select(item => item[2..].Split(" – ", 2)).Select(c => $"| {c[0]} | {c[1]} |");
            return [.. blocks.Take(at), "| Cookie | What it does |\n| --- | --- |\n" + string.Join("\n", rows), .. blocks.Skip(at + 1)];
        });

    private static List<PolicySection> Map(List<PolicySection> sections, string id, Func<PolicySection, PolicySection> change) =>
        sections.Any(s => s.Id == id) ? sections.Select(s => s.Id == id ? change(s) : s).ToList() : throw new InvalidOperationException($"no section {id}");

    /// <summary>Edits a section's Markdown as its blocks (paragraphs, lists, headings), apart by blank lines.</summary>
    private static List<PolicySection> MapBlocks(List<PolicySection> sections, string id, Func<List<string>, List<string>> change) =>
        Map(sections, id, s => s with { Markdown = string.Join("\n\n", change(Blocks(s))) + "\n" });

    private static List<string> Blocks(PolicySection section) =>
        section.Markdown.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    [GeneratedRegex(@"^\d+\. (\S.*)$")]
    private static partial Regex Heading();
}
