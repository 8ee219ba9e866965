using System.Globalization;
using System.Text.RegularExpressions;
using NoticeGen.Load;

namespace NoticeGen.Check.Coverage;

/// <summary>
/// Reads the rule files: the topic vocabulary and one file per law shipped inside NoticeGen, then a site's own
/// <c>rules/&lt;law&gt;.yml</c> files, each of which replaces the built-in law of that id or adds a new law.
/// </summary>
public static partial class RuleLoader
{
    /// <summary>The folder, below the site folder, where a site keeps its own rule files.</summary>
    public const string SiteFolder = "rules";

    /// <summary>How diagnostics name the files shipped inside NoticeGen.</summary>
    public const string BuiltInFolder = "built-in:rules/";

    private const string LawResourcePrefix = "NoticeGen.Check.Coverage.Rules.";
    private const string TopicsResource = "NoticeGen.Check.Coverage.Topics.yml";

    private static readonly HashSet<string> LawKeys = ["name", "default-jurisdictions", "topics", "rules"];
    private static readonly HashSet<string> RuleKeys = ["kind", "topic", "requires", "source", "material", "applies-to", "months", "reviewed-counts"];
    private static readonly string[] KindNames = Enum.GetValues<RuleKind>().Select(CoverageRule.KindName).ToArray();

    /// <summary>The built-in laws and topics only.</summary>
    public static RuleSet BuiltIn() => Build([], new DiagnosticSink());

    /// <summary>The built-in laws with the site's <c>rules/*.yml</c> applied; stops with every error found, located.</summary>
    public static RuleSet Load(string siteDir, DiagnosticSink diagnostics)
    {
        var folder = Path.Combine(siteDir, SiteFolder);
        var files = new List<RuleFile>();
        if (Directory.Exists(folder))
        {
            foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                var rel = ContentLoader.Relative(siteDir, path);
                if (path.EndsWith(".yml", StringComparison.Ordinal))
                {
                    if (SiteFiles.ReadText(siteDir, path, diagnostics) is { } text)
                    {
                        files.Add(new RuleFile(rel, text));
                    }
                }
                else if (path.EndsWith(".yaml", StringComparison.Ordinal))
                {
                    diagnostics.Report(Codes.RuleFileIgnored, SourceSpan.StartOf(rel), "This rule file is ignored: rule files end in '.yml'.",
                        $"Rename it to {Path.GetFileNameWithoutExtension(path)}.yml.");
                }
            }
        }

        return Build(files, diagnostics);
    }

    /// <summary>The built-in laws with <paramref name="siteFiles"/> applied (no file access: the texts are given).</summary>
    public static RuleSet Build(IEnumerable<RuleFile> siteFiles, DiagnosticSink diagnostics)
    {
        var builtInTopics = ReadTopics(new RuleFile("built-in:topics.yml", Resource(TopicsResource)), diagnostics);
        var vocabularyRead = !diagnostics.HasErrors;
        var laws = new SortedDictionary<string, Law>(StringComparer.Ordinal);
        foreach (var name in typeof(RuleLoader).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(LawResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var file = new RuleFile(BuiltInFolder + name[LawResourcePrefix.Length..], Resource(name));
            if (ReadLaw(file, diagnostics) is { } law)
            {
                laws[law.Id] = law;
            }
        }

        foreach (var file in siteFiles)
        {
            if (!Ids.IsId(file.LawId))
            {
                diagnostics.Report(Codes.RuleFile, SourceSpan.StartOf(file.File), $"'{file.LawId}' is not a valid law id; a rule file's name is the id of its law.",
                    "Name the file with lowercase letters, digits and hyphens, e.g. rules/gdpr.yml or rules/virginia.yml.");
                continue;
            }

            if (ReadLaw(file, diagnostics) is { } law)
            {
                laws[law.Id] = law;  // a site file replaces the built-in law of the same id
            }
        }

        var topics = Vocabulary(builtInTopics, laws.Values, diagnostics);
        if (vocabularyRead)
        {
            CheckRules(laws.Values, topics, diagnostics);  // without the vocabulary, every topic would be reported unknown
        }

        diagnostics.ThrowIfErrors();
        return new RuleSet(topics, laws.Values.ToList());
    }

    /// <summary>Topic ids: lowercase words joined by hyphens, in dot-separated groups (rights.access, sale-sharing.opt-out).</summary>
    public static bool IsTopicId(string value) => value.Length <= 80 && TopicIdPattern().IsMatch(value);

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicIdPattern();

    private static string Resource(string name)
    {
        using var stream = typeof(RuleLoader).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from the NoticeGen assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static List<Topic> ReadTopics(RuleFile file, DiagnosticSink diagnostics)
    {
        try
        {
            var map = YamlRead.Mapping(SafeYaml.Parse(file.Text, file.File), "The topic list", SourceSpan.StartOf(file.File));
            return TopicEntries(map, diagnostics);
        }
        catch (UserErrorException ex)
        {
            ex.Diagnostics.ToList().ForEach(diagnostics.Add);
            return [];
        }
    }

    private static List<Topic> TopicEntries(YMapping map, DiagnosticSink diagnostics)
    {
        var topics = new List<Topic>();
        foreach (var (key, value) in map.Entries)
        {
            if (!IsTopicId(key.Value))
            {
                diagnostics.Report(Codes.RuleFile, key.Where, $"'{key.Value}' is not a valid topic id.",
                    "Use lowercase words joined by hyphens, in groups separated by dots (e.g. retention or rights.access).");
            }
            else if (value is not YScalar { Value.Length: > 0 } meaning)
            {
                diagnostics.Report(Codes.RuleFile, value.Where, $"The topic '{key.Value}' needs its meaning as one line of text.",
                    $"Write '{key.Value}: what a section covering it tells the reader'.");
            }
            else
            {
                topics.Add(new Topic(key.Value, meaning.Value.Trim(), key.Where));
            }
        }

        return topics;
    }

    private static Law? ReadLaw(RuleFile file, DiagnosticSink diagnostics)
    {
        try
        {
            var root = YamlRead.Mapping(SafeYaml.Parse(file.Text, file.File), "A rule file", SourceSpan.StartOf(file.File));
            foreach (var key in root.Entries.Select(e => e.Key).Where(k => !LawKeys.Contains(k.Value)))
            {
                diagnostics.Report(Codes.RuleFile, key.Where, $"Unknown key '{key.Value}' in a rule file.{Spelling.DidYouMean(key.Value, LawKeys)}",
                    "Use name, default-jurisdictions, topics and rules.");
            }

            var name = YamlRead.RequiredString(root, "name", "This rule file");
            var jurisdictions = YamlRead.Words(root, "default-jurisdictions");
            foreach (var bad in jurisdictions.Where(j => !Ids.IsId(j.Value)))
            {
                diagnostics.Report(Codes.RuleFile, bad.Where, $"'{bad.Value}' is not a valid jurisdiction id.", "Use the ids sites write under 'jurisdictions' in site.yml, e.g. eu or california.");
            }

            var topics = root.Get("topics") is { } t ? TopicEntries(YamlRead.Mapping(t, "'topics'", t.Where), diagnostics) : [];
            var rules = new List<CoverageRule>();
            switch (root.Get("rules"))
            {
                case null:
                    diagnostics.Report(Codes.RuleFile, root.Where, "This rule file has no 'rules'.", "Add 'rules:' with one '- topic: ...' entry per requirement (or 'rules: []').");
                    break;
                case YSequence list:
                    foreach (var item in list.Items)
                    {
                        try
                        {
                            if (ReadRule(YamlRead.Mapping(item, "A rule", item.Where), diagnostics) is { } rule)
                            {
                                rules.Add(rule);
                            }
                        }
                        catch (UserErrorException ex)
                        {
                            ex.Diagnostics.ToList().ForEach(diagnostics.Add);
                        }
                    }

                    break;
                case var other:
                    diagnostics.Report(Codes.RuleFile, other.Where, "'rules' must be a list.", "Start each rule with '- topic: ...' (or '- kind: ...').");
                    break;
            }

            return new Law(file.LawId, name, jurisdictions.Select(j => j.Value).ToList(), rules, topics, file.File);
        }
        catch (UserErrorException ex)
        {
            ex.Diagnostics.ToList().ForEach(diagnostics.Add);
            return null;
        }
    }

    private static CoverageRule? ReadRule(YMapping map, DiagnosticSink diagnostics)
    {
        var unknown = map.Entries.Select(e => e.Key).Where(k => !RuleKeys.Contains(k.Value)).ToList();
        foreach (var key in unknown)
        {
            diagnostics.Report(Codes.RuleFile, key.Where, $"Unknown key '{key.Value}' in a rule.{Spelling.DidYouMean(key.Value, RuleKeys)}",
                $"Use {string.Join(", ", RuleKeys)}.");
        }

        if (unknown.Count > 0)
        {
            return null;  // a misspelt key is usually a required one: reporting it missing too would only repeat the error
        }

        var kindText = YamlRead.OptionalString(map, "kind")?.Trim() ?? CoverageRule.KindName(RuleKind.Topic);
        var kind = Enum.GetValues<RuleKind>().Where(k => CoverageRule.KindName(k) == kindText).Cast<RuleKind?>().FirstOrDefault()
            ?? throw new UserErrorException(Codes.RuleFile.At(map.Get("kind")!.Where, $"Unknown rule kind '{kindText}'.{Spelling.DidYouMean(kindText, KindNames)}",
                $"Use one of {string.Join(", ", KindNames)} (or leave 'kind' out for a topic rule)."));

        var topicNode = map.Get("topic");
        var topic = YamlRead.OptionalString(map, "topic")?.Trim();
        if (kind == RuleKind.Topic && string.IsNullOrEmpty(topic))
        {
            throw new UserErrorException(Codes.RuleFile.At(topicNode?.Where ?? map.Where, "This rule names no topic.", "Add 'topic: ...' with the topic a notice must cover."));
        }

        if (kind != RuleKind.Topic && topicNode is not null)
        {
            throw new UserErrorException(Codes.RuleFile.At(topicNode.Where, $"A '{kindText}' rule checks the page's dates, not a topic.", "Remove 'topic', or make it a topic rule by removing 'kind'."));
        }

        var months = map.Get("months");
        var monthCount = 0;
        if (kind == RuleKind.LastUpdatedWithin)
        {
            if (months is not YScalar m || !int.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out monthCount) || monthCount is < 1 or > 120)
            {
                throw new UserErrorException(Codes.RuleFile.At(months?.Where ?? map.Where, "A 'last-updated-within' rule needs 'months': a whole number from 1 to 120.", "Write e.g. 'months: 12'."));
            }
        }
        else if (months is not null || map.Get("reviewed-counts") is not null)
        {
            throw new UserErrorException(Codes.RuleFile.At((months ?? map.Get("reviewed-counts"))!.Where, "'months' and 'reviewed-counts' belong to 'last-updated-within' rules only.", "Remove them, or add 'kind: last-updated-within'."));
        }

        var appliesTo = YamlRead.OptionalString(map, "applies-to")?.Trim() switch
        {
            null => DataSources.Both,
            "data-from-person" => DataSources.FromPerson,
            "data-from-others" => DataSources.FromOthers,
            var other => throw new UserErrorException(Codes.RuleFile.At(map.Get("applies-to")!.Where, $"Unknown 'applies-to' value '{other}'.",
                "Write 'applies-to: data-from-person' (GDPR Art. 13 only), 'applies-to: data-from-others' (Art. 14 only), or leave it out.")),
        };

        return new CoverageRule(kind, topic, YamlRead.RequiredString(map, "requires", "This rule"), YamlRead.RequiredString(map, "source", "This rule"),
            YamlRead.OptionalBool(map, "material", false), appliesTo, monthCount, YamlRead.OptionalBool(map, "reviewed-counts", false), topicNode?.Where ?? map.Where);
    }

    private static List<Topic> Vocabulary(List<Topic> builtIn, IEnumerable<Law> laws, DiagnosticSink diagnostics)
    {
        var topics = new List<Topic>(builtIn);
        var known = builtIn.ToDictionary(t => t.Id, t => t.Where.File, StringComparer.Ordinal);
        foreach (var topic in laws.SelectMany(l => l.Topics))
        {
            if (known.TryGetValue(topic.Id, out var where))
            {
                diagnostics.Report(Codes.RuleFile, topic.Where, $"The topic '{topic.Id}' is already defined ({where}).", "Use it as it is, or give the new topic another id.");
                continue;
            }

            known[topic.Id] = topic.Where.File;
            topics.Add(topic);
        }

        return topics;
    }

    private static void CheckRules(IEnumerable<Law> laws, List<Topic> topics, DiagnosticSink diagnostics)
    {
        var ids = topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var law in laws)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rule in law.Rules)
            {
                if (rule.Topic is { } topic && !ids.Contains(topic))
                {
                    diagnostics.Report(Codes.RuleFile, rule.Where, $"The rule names the unknown topic '{topic}'.{Spelling.DidYouMean(topic, ids)}",
                        "Use a topic of the vocabulary (see the topic table in the README), or define a new one under 'topics:' in this file.");
                }
                else if (!seen.Add(rule.Id))
                {
                    diagnostics.Report(Codes.RuleFile, rule.Where, $"The law '{law.Id}' has two '{rule.Id}' rules.", "Keep one; cite every source of the requirement in its 'source'.");
                }
            }
        }
    }
}
