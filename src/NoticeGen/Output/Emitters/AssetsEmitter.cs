namespace NoticeGen.Output;

/// <summary>The stylesheet and other static files of the templates' assets/ folder.</summary>
public sealed class AssetsEmitter : IEmitter
{
    public string Name => "assets";

    public void Emit(EmitContext context)
    {
        foreach (var (outputPath, sourcePath) in context.Build.Templates.Assets())
        {
            context.Files.Write(outputPath, File.ReadAllBytes(sourcePath));
        }
    }
}
