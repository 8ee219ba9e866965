namespace NoticeGen.Output;

/// <summary>
/// A static file of the theme (stylesheet, icon) and where it comes from: the site's templates/assets/ file
/// (<see cref="SourcePath"/>), or the built-in theme's file of the same name when the site has none.
/// </summary>
public sealed record ThemeAsset(string OutputPath, string? SourcePath)
{
    /// <summary>The path of the built-in file under templates/ (assets/style.css).</summary>
    private string BuiltInPath => "assets/" + OutputPath[SiteLayout.AssetsFolder.Length..];

    public byte[] ReadBytes() => SourcePath is null ? BuiltInTheme.Read(BuiltInPath) : Load.SiteFiles.ReadBytes(SourcePath);
}
