using System.Reflection;

namespace NoticeGen.Init;

/// <summary>The version of this build of NoticeGen, from the csproj's &lt;Version&gt; through the assembly's informational version.</summary>
public static class ToolVersion
{
    /// <summary>What --version prints: the package version, with the commit it was built from when the SDK knew it (0.9.0+1a2b3c...).</summary>
    public static string Informational { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? throw new InvalidOperationException("The NoticeGen assembly has no informational version; the csproj sets <Version>.");

    /// <summary>The NuGet package version (build metadata after '+' dropped): what a tool manifest pins.</summary>
    public static string Package { get; } = Informational.Split('+')[0];
}
