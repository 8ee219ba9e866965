namespace NoticeGen.Tests.Cli;

/// <summary>Every command's --help shows how it is used, with at least one example to copy.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("build")]
    [InlineData("release")]
    [InlineData("diff")]
    [InlineData("check")]
    [InlineData("import")]
    [InlineData("init")]
    [InlineData("serve")]
    public void Each_command_help_has_an_example_of_itself(string command)
    {
        var result = TestSupport.Cli.Run(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"Examples?:", result.Stdout);
        Assert.Matches($@"(?m)(^\s+|Example: )(\S+=\S+ )*noticegen {command}\b", result.Stdout);
    }
}
