using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Import;

/// <summary>Sources that cannot be imported give one located error each, exit code 2, and leave the target as it was.</summary>
public sealed class BadSourceTests : IDisposable
{
    private readonly ImportTarget _target = new();

    public void Dispose() => _target.Dispose();

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "empty.txt", @"empty\.txt:1:1: error: The file is empty\. Save the page again" },
        { "blank.md", @"blank\.md:1:1: error: The file is empty\." },
        { "notice.pdf", @"notice\.pdf:6:1: error: This is not a text file: it holds binary data \(byte 52\)\. Import the page saved as HTML, Markdown or plain text" },
        { "no-headings.html", @"no-headings\.html:1:1: error: The page has no headings, so it cannot be split into sections\. Give each section an <h2>" },
        { "no-headings.txt", @"no-headings\.txt:1:1: error: No section headings were found, so the page cannot be split into sections\. Put each section heading on its own line" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_is_a_located_error_and_nothing_is_written(string file, string message)
    {
        var before = _target.Files();

        var result = _target.Import(Bad(file));

        Assert.Equal(2, result.ExitCode);
        Assert.Matches("^" + Regex(Bad(file)).Replace(Regex(file), string.Empty, StringComparison.Ordinal) + message, result.Stderr);
        Assert.Contains("nothing was written", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, _target.Files());
    }

    [Fact]
    public void A_page_nested_thousands_of_elements_deep_is_refused_at_the_first_element_too_deep_and_quickly()
    {
        // The parser searched its whole stack of open elements for each <div>: 30,000 of them took 15 s to import.
        var page = Path.Combine(_target.Root, "nested.html");
        File.WriteAllText(page, "<h1>Privacy</h1><h2>About</h2>\n" + string.Concat(Enumerable.Repeat("<div>", 30_000)) + "x" + string.Concat(Enumerable.Repeat("</div>", 30_000)));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = _target.Import(page);

        Assert.Equal(2, result.ExitCode);
        // <html> and <body> are the first two levels, so the 255th <div> (at column 254 × 5 + 1) is the 257th.
        Assert.StartsWith($"{page}:2:1271: error: This <div> is nested 257 elements deep, more than the 256 NoticeGen reads. Flatten the structure", result.Stderr, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    public static TheoryData<string, string> DeepMarkdown() => new()
    {
        { string.Concat(Enumerable.Repeat("> ", 30_000)) + "x", ":5:1: error: This line nests quotes or lists 33 deep, more than the 32 NoticeGen allows. Flatten the structure" },
        { string.Concat(Enumerable.Range(0, 1_000).Select(i => new string(' ', 2 * i) + "- item\n")), ":37:1: error: This line nests quotes or lists 33 deep, more than the 32 NoticeGen allows." },
        { new string('[', 30_000) + "x", ":1:1: error: The Markdown of this page is nested too deeply to read. Flatten the structure" },
    };

    [Theory]
    [MemberData(nameof(DeepMarkdown))]
    public void Markdown_nested_deeper_than_noticegen_renders_is_a_located_error_not_a_crash(string body, string message)
    {
        // These ended the import with Markdig's unhandled ArgumentException and its stack trace.
        var page = Path.Combine(_target.Root, "deep.md");
        File.WriteAllText(page, "# Privacy\n\n## About\n\n" + body + "\n");

        var result = _target.Import(page);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(page + message, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_a_located_error()
    {
        var missing = Path.Combine(_target.Root, "missing.html");

        var result = _target.Import(missing);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{missing}:1:1: error: The file cannot be read: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Check the path and that you may read the file.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_source_of_one_run_is_reported()
    {
        var result = _target.Import(Bad("empty.txt"), Bad("notice.pdf"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("empty.txt:1:1: error:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("notice.pdf:6:1: error:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("2 error(s); nothing was written.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Versions_listed_out_of_date_order_are_an_error_naming_the_one_out_of_place()
    {
        var before = _target.Files();
        var (later, earlier) = (History("2021-09-15.html"), History("2021-03-01.html"));

        var result = _target.Import("--history", later, earlier);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{earlier}:1:1: error: This version is dated 2021-03-01, but is listed after {later} (2021-09-15). List the versions oldest first", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, _target.Files());
    }

    [Fact]
    public void A_version_without_a_date_in_its_name_is_an_error()
    {
        var result = _target.Import("--history", Repo.Fixture("seed.txt"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("seed.txt:1:1: error: The date of this version is not in its file name. Name each version by the date it took effect", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_is_not_empty_is_refused_without_force_and_left_alone()
    {
        var before = _target.Files();

        var result = TestSupport.Cli.Run("import", Repo.Fixture("seed.txt"), "--into", _target.Dir);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"--into:1:1: error: The folder {_target.Dir} is not empty. Import into a new or empty folder, or pass --force", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, _target.Files());
    }

    [Fact]
    public void A_failed_import_into_a_new_folder_does_not_create_it()
    {
        var fresh = Path.Combine(_target.Root, "new-site") + Path.DirectorySeparatorChar;

        var result = TestSupport.Cli.Run("import", Bad("no-headings.html"), "--into", fresh);

        Assert.Equal(2, result.ExitCode);
        Assert.False(Directory.Exists(fresh));
        Assert.False(Directory.Exists(fresh.TrimEnd(Path.DirectorySeparatorChar)));
        Assert.Equal(["site"], Directory.GetFileSystemEntries(_target.Root).Select(Path.GetFileName));
    }

    private static string Bad(string file) => Repo.Fixture(Path.Combine("import", "bad", file));

    private static string History(string file) => Repo.Fixture(Path.Combine("import", "history", file));

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
