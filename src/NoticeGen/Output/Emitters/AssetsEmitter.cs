namespace NoticeGen.Output;

/// <summary>The stylesheet and other static files of the theme: the site's templates/assets/, else the built-in ones.</summary>
public sealed class AssetsEmitter : IEmitter
{
    public string Name => "assets";

    public void Emit(EmitContext context)
    {
        foreach (var asset in context.Build.Templates.Assets())
        {
            context.Files.Write(asset.OutputPath, asset.ReadBytes());
        }
    }
}
