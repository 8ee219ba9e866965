namespace NoticeGen.Serve;

/// <summary>The files serve adds under <see cref="Prefix"/>, read once from the tool's resources: the reload script and the overlay's style.</summary>
internal static class ServeAssets
{
    /// <summary>The URL folder of serve's own endpoints; no built file can be there (output paths never start with '_').</summary>
    public const string Prefix = "/__noticegen/";

    public const string EventsPath = Prefix + "events";

    public const string ScriptPath = Prefix + "reload.js";

    public const string StylePath = Prefix + "overlay.css";

    public static ReadOnlyMemory<byte> Script { get; } = Read("reload.js");

    public static ReadOnlyMemory<byte> Style { get; } = Read("overlay.css");

    private static byte[] Read(string name)
    {
        using var stream = typeof(ServeAssets).Assembly.GetManifestResourceStream("NoticeGen.Serve." + name)
            ?? throw new InvalidOperationException($"The resource NoticeGen.Serve.{name} is missing from the tool.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
