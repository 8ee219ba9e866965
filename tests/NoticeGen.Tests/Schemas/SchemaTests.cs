using Json.Schema;
using NoticeGen.Schemas;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Schemas;

/// <summary>
/// The JSON Schemas editors use for site.yml and front matter: shipped inside the tool as the repository's schemas/
/// files, named by the first line of the sample's and the starter's files, passing both sites, and refusing what the
/// loader refuses.
/// </summary>
public sealed class SchemaTests
{
    private static readonly string SchemaFolder = Path.Combine(Repo.Root, SchemaFiles.Folder);

    private static readonly JsonSchema Site = JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemaFolder, SchemaFiles.Site)));

    private static readonly JsonSchema Fragment = JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemaFolder, SchemaFiles.Fragment)));

    [Fact]
    public void The_schemas_in_the_tool_are_the_repository_schemas_folder()
    {
        Assert.Equal([SchemaFiles.Fragment, SchemaFiles.Site], SchemaFiles.Names);
        Assert.All(SchemaFiles.Names, n => Assert.Equal(File.ReadAllBytes(Path.Combine(SchemaFolder, n)), SchemaFiles.Read(n)));
    }

    [Fact]
    public void The_sample_site_yml_and_every_fragment_pass_the_schema_their_first_line_names()
    {
        AssertSiteFilesPass(Repo.Root, expectedFragments: 57);
    }

    [Fact]
    public void The_starter_site_passes_the_schemas_init_writes_beside_it()
    {
        using var site = TempSite.Empty();
        Assert.Equal(0, TestSupport.Cli.Run("init", site.Dir).ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(SchemaFolder, SchemaFiles.Site)), File.ReadAllBytes(site.PathOf("schemas/site.schema.json")));
        AssertSiteFilesPass(site.Dir, expectedFragments: 11);
    }

    /// <summary>
    /// One edit of the starter site each: what the loader refuses (with the message it gives), the schema refuses too,
    /// and what the loader accepts, the schema accepts, so an editor's squiggle and 'noticegen check' tell the same story.
    /// </summary>
    [Theory]
    [InlineData("site.yml", "  lang: en\n", "  lang: en\n  feed_entries: 50\n", null)]
    [InlineData("site.yml", "  lang: en\n", "  lang: en\n  feed_entries: 0\n", "feed_entries '0' is not a number")]
    [InlineData("site.yml", "  lang: en\n", "  lang: en\n  footer: Example\n", "Unknown key 'footer' in 'site'")]
    [InlineData("site.yml", "  base_url: https://example.com/privacy/", "  base_url: ftp://example.com/privacy/", "is not an absolute http: or https: URL")]
    [InlineData("site.yml", "  base_url: https://example.com/privacy/", "  base_url: https://example.com/privacy/?lang=en", "has a query or fragment")]
    [InlineData("site.yml", "  base_url: https://example.com/privacy/", "  base_url: https://editor:secret@example.com/privacy/", "holds a user name or password")]
    [InlineData("site.yml", "  base_url: https://example.com/privacy/", "  base_url: https://example.com/our privacy/", "holds a character a URL cannot hold")]
    [InlineData("site.yml", "    organization: Example Ltd", "    Organization: Example Ltd", "Organization")]
    [InlineData("site.yml", "  eu: EU/EEA", "  eu: {name: EU/EEA, laws: [gdpr]}", null)]
    [InlineData("site.yml", "  eu: EU/EEA", "  eu: {name: EU/EEA, law: [gdpr]}", "Unknown key 'law' in jurisdiction 'eu'")]
    [InlineData("site.yml", "  - id: europe\n", "  - id: Europe\n", "Europe")]
    [InlineData("site.yml", "    title: App Privacy Notice\n", "", "title")]
    [InlineData("site.yml", "    title: App Privacy Notice\n", "    title: App Privacy Notice\n    numbered: false\n", null)]
    [InlineData("site.yml", "    title: App Privacy Notice\n", "    title: App Privacy Notice\n    numberd: false\n", "Did you mean 'numbered'?")]
    [InlineData("site.yml", "notices:\n", "notice: []\nnotices:\n", "Unknown key 'notice' in site.yml")]
    [InlineData("site.yml", "# checks:\n#   NG5004: off", "checks:\n  NG5004: off", null)]
    [InlineData("site.yml", "# checks:\n#   NG5004: off", "checks:\n  NG5004: loud", "loud")]
    [InlineData("content/fragments/retention.md", "covers: [retention]", "covers: retention", null)]
    [InlineData("content/fragments/retention.md", "covers: [retention]", "covers: [retention]\ntemplate: false", null)]
    [InlineData("content/fragments/retention.md", "covers: [retention]", "covers: [retention]\ntemplate: maybe", "'template' must be true or false")]
    [InlineData("content/fragments/retention.md", "covers: [retention]", "covers: [retention]\ntemplate: no", null)]
    [InlineData("content/fragments/retention.md", "covers: [retention]", "covers: [retention]\nsummary: How long", "Unknown key 'summary'")]
    [InlineData("content/fragments/retention.md", "covers: [retention]", "covers: [Retention]", "Retention")]
    [InlineData("content/fragments/europe-rights.md", "jurisdictions: [eu, uk]", "jurisdictions: eu", null)]
    [InlineData("content/fragments/europe-rights.md", "jurisdictions: [eu, uk]", "jurisdiction: [eu, uk]", "Did you mean 'jurisdictions'?")]
    [InlineData("content/fragments/europe-rights.md", "jurisdictions: [eu, uk]", "jurisdictions: [EU, uk]", "EU")]
    [InlineData("content/fragments/contact.md", "  address: 1 Example", "  Address: 1 Example", "Address")]
    public void The_loader_and_the_schemas_accept_and_refuse_the_same_edits(string file, string oldText, string newText, string? loaderError)
    {
        using var site = TempSite.Empty();
        Assert.Equal(0, TestSupport.Cli.Run("init", site.Dir).ExitCode);
        site.Replace(file, oldText, newText);

        var check = TestSupport.Cli.Run("check", "--site", site.Dir, "--now", "2026-01-01");
        var output = check.Stdout + check.Stderr;
        var text = site.Read(file);
        var schemaErrors = file.EndsWith(".md", StringComparison.Ordinal) ? YamlJson.Errors(Fragment, YamlJson.FrontMatter(text)) : YamlJson.Errors(Site, text);
        if (loaderError is null)
        {
            Assert.DoesNotContain(": error:", output);
            Assert.True(schemaErrors.Count == 0, $"The loader accepts it, the schema does not:\n{string.Join("\n", schemaErrors)}");
        }
        else
        {
            Assert.Equal(1, check.ExitCode);
            Assert.Contains(": error:", output);
            Assert.Contains(loaderError, output);
            Assert.True(schemaErrors.Count > 0, $"The loader refuses it ({output.Trim()}), the schema does not.");
        }
    }

    private static void AssertSiteFilesPass(string siteDir, int expectedFragments)
    {
        var siteYml = File.ReadAllText(Path.Combine(siteDir, "site.yml"));
        AssertNamesSchema(siteDir, "site.yml", siteYml.Split('\n')[0], SchemaFiles.Site);
        Assert.Empty(YamlJson.Errors(Site, siteYml));

        var fragments = Directory.EnumerateFiles(Path.Combine(siteDir, "content", "fragments"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedFragments, fragments.Count);
        Assert.All(fragments, path =>
        {
            var relative = Path.GetRelativePath(siteDir, path).Replace(Path.DirectorySeparatorChar, '/');
            var frontMatter = YamlJson.FrontMatter(File.ReadAllText(path));
            AssertNamesSchema(siteDir, relative, frontMatter.Split('\n')[0], SchemaFiles.Fragment);
            var errors = YamlJson.Errors(Fragment, frontMatter);
            Assert.True(errors.Count == 0, $"{relative}:\n{string.Join("\n", errors)}");
        });
    }

    /// <summary>The first line is the modeline, and the path in it, taken from the file's folder, is the schema in the site's schemas/.</summary>
    private static void AssertNamesSchema(string siteDir, string file, string firstLine, string schema)
    {
        Assert.StartsWith(SchemaFiles.ModelinePrefix, firstLine);
        Assert.Equal(SchemaFiles.Modeline(file, schema), firstLine);
        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.Combine(siteDir, file))!, firstLine[SchemaFiles.ModelinePrefix.Length..]));
        Assert.Equal(Path.GetFullPath(Path.Combine(siteDir, SchemaFiles.Folder, schema)), target);
        Assert.True(File.Exists(target), $"{file} names {target}, which does not exist.");
    }
}
