using System.Text;

namespace NoticeGen.Tests.Hostile;

/// <summary>
/// An output folder that cannot be written, or must not be replaced, is a located error on --out (NG9002) with exit
/// code 2; a write that fails part-way leaves the previous output exactly as it was and no half-written folder beside it.
/// </summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly HostileSite _hostile = new();

    public void Dispose() => _hostile.Dispose();

    [Fact]
    public void An_output_folder_below_a_file_is_refused()
    {
        // Tests may run as root, which may write anywhere a permission allows; nothing can make a folder inside a file.
        var unwritable = Path.Combine(_hostile.Site.PathOf("site.yml"), "out");
        var result = _hostile.BuildTo(unwritable);
        HostileSite.AssertRefused(result, $"--out:1:1: error: The site could not be written to {unwritable}:", "Pass --out with a folder you can write to", "[NG9002]");
        Assert.True(File.Exists(_hostile.Site.PathOf("site.yml")));
        _hostile.AssertOutputUntouched();
    }

    [Fact]
    public void An_output_folder_that_is_a_file_is_refused()
    {
        var file = _hostile.Site.PathOf("content/covers.md");
        var text = File.ReadAllText(file);
        HostileSite.AssertRefused(_hostile.BuildTo(file), $"--out:1:1: error: {file} is a file, not a folder.", "[NG9002]");
        Assert.Equal(text, File.ReadAllText(file));
    }

    [Fact]
    public void An_output_folder_that_is_a_link_is_refused_and_what_it_leads_to_is_left_alone()
    {
        // A link committed as _site, beside a copy of the marker every build writes: the build must not clear out the
        // folder the link leads to (here the site's own content).
        var content = _hostile.Site.PathOf("content");
        File.WriteAllText(Path.Combine(content, ".noticegen-output"), "copied from a build");
        var before = Directory.EnumerateFiles(content, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var link = Path.Combine(_hostile.Site.Dir, "linked-out");
        Directory.CreateSymbolicLink(link, content);

        HostileSite.AssertRefused(_hostile.BuildTo(link), $"--out:1:1: error: The output folder {link} is a link", "[NG9002]");
        Assert.Equal(before, Directory.EnumerateFiles(content, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("content/assets/site", "content")]
    [InlineData("templates/assets/site", "templates")]
    public void An_output_folder_among_the_sources_is_refused(string folder, string sources)
    {
        // Built there, each build would publish the one before it as assets, nested one level deeper every time.
        var output = _hostile.Site.PathOf(folder);
        HostileSite.AssertRefused(_hostile.BuildTo(output), $"--out:1:1: error: The output folder {output} is inside the site's {sources}/ folder", "[NG9002]");
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_folder_of_other_files_is_never_replaced()
    {
        var other = Path.Combine(_hostile.Site.Dir, "photos");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "holiday.jpg"), "not a build");
        HostileSite.AssertRefused(_hostile.BuildTo(other), $"--out:1:1: error: {other} holds files that NoticeGen did not write", "[NG9002]");
        Assert.Equal(["holiday.jpg"], Directory.EnumerateFileSystemEntries(other).Select(Path.GetFileName));
    }

    [Fact]
    public void A_write_that_fails_part_way_leaves_the_previous_output_whole()
    {
        // An asset whose path fits the system's limit where it is read but not where the build writes it (the staging
        // folder's name is longer than "content"): the build fails after it has begun writing (the stylesheet comes first).
        var pathMax = 4096;
        var root = _hostile.Site.PathOf("content/assets");
        var staging = Path.Combine(_hostile.Site.Dir, "._site.staging-" + new string('0', 32), "assets");
        const string name = "/logo.txt";
        var length = pathMax - root.Length - name.Length - ((staging.Length - root.Length) / 2); // halfway between the two limits
        var folders = new StringBuilder();
        while (folders.Length < length)
        {
            folders.Append('/').Append(new string('d', Math.Min(200, Math.Max(1, length - folders.Length - 1))));
        }

        var relative = folders.ToString().TrimStart('/') + name;
        Assert.True(root.Length + 1 + relative.Length < pathMax && staging.Length + 1 + relative.Length >= pathMax, "the lengths frame the limit");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, relative))!);
        File.WriteAllText(Path.Combine(root, relative), "logo");

        _hostile.Refused("--out:1:1: error: The site could not be written to", "/assets/dddd", "[NG9002]");
    }
}
