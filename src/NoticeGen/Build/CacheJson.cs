using System.Text.Json.Serialization;

namespace NoticeGen.Build;

/// <summary>The shapes the build cache stores, serialised by generated code (no reflection at start-up).</summary>
[JsonSourceGenerationOptions(WriteIndented = false, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PageRedline))]
[JsonSerializable(typeof(CachedVersion))]
[JsonSerializable(typeof(NoticeGen.Output.OutputRecord))]
internal sealed partial class CacheJson : JsonSerializerContext;
