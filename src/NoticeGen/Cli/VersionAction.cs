using System.CommandLine;
using System.CommandLine.Invocation;
using NoticeGen.Init;

namespace NoticeGen.Cli;

/// <summary>
/// --version: prints NoticeGen's own version. The built-in action asks the entry assembly, which is NoticeGen only when
/// it runs as its own process (under a test host or another program it would print that program's version).
/// </summary>
public sealed class VersionAction(TextWriter stdout) : SynchronousCommandLineAction
{
    /// <summary>'noticegen --version' needs no command, as with the built-in option.</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        stdout.WriteLine(ToolVersion.Informational);
        return 0;
    }
}
