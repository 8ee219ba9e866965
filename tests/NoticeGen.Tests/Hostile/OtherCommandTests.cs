namespace NoticeGen.Tests.Hostile;

/// <summary>
/// The other commands read the same hostile input the same safe way: 'check' reports it as findings (exit 1), 'diff'
/// and 'release' stop with exit code 2; all with located lines and no stack trace, and 'release' freezes nothing.
/// </summary>
public sealed class OtherCommandTests : IDisposable
{
    private readonly HostileSite _hostile = new();

    public void Dispose() => _hostile.Dispose();

    [Theory]
    [InlineData("nul", "content/covers.md:5:6: error: This file holds the control character U+0000 (NUL)", "[NG1009]")]
    [InlineData("passwd", "content/passwd.md:1:1: error: This file is a link to a file outside the site folder", "[NG1011]")]
    [InlineData("runaway", "content/covers.md:5:", "error: Template error: Exceeding number of iteration limit `10000`", "[NG2002]")]
    public void Check_diff_and_release_refuse_it_located(string kind, params string[] expected)
    {
        switch (kind)
        {
            case "nul":
                _hostile.WriteCoversBody("Hello\0 world.");
                break;
            case "passwd":
                File.CreateSymbolicLink(_hostile.Site.PathOf("content/passwd.md"), "/etc/passwd");
                break;
            default:
                _hostile.WriteCoversBody("{{ while true }}x{{ end }}");
                break;
        }

        var check = TestSupport.Cli.Run("check", "--site", _hostile.Site.Dir);
        HostileSite.AssertNoStackTrace(check);
        Assert.True(check.ExitCode == 1, $"check: {check.ExitCode}\n{check.Stderr}{check.Stdout}");
        Assert.All(expected, text => Assert.Contains(text, check.Stdout + check.Stderr));

        var diff = TestSupport.Cli.Run("diff", "--site", _hostile.Site.Dir);
        HostileSite.AssertRefused(diff, expected);

        var release = TestSupport.Cli.Run("release", "--site", _hostile.Site.Dir, "--effective", "2026-01-01", "--summary", "Hostile");
        HostileSite.AssertRefused(release, expected);
        Assert.False(Directory.Exists(_hostile.Site.PathOf("content/releases")), "a refused release froze something");
        _hostile.AssertOutputUntouched();
    }
}
