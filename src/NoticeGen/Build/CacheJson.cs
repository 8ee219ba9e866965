using System.Text.Json.Serialization;

namespace NoticeGen.Build;

/// <summary>The shapes the build cache stores, serialised by generated code (no reflection at start-up).</summary>
[JsonSourceGenerationOptions(WriteIndented = false, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PageRedline))]
[JsonSerializable(typeof(CachedVersion))]
[JsonSerializable(typeof(NoticeGen.Output.OutputRecord))]
[JsonSerializable(typeof(VerifiedArchive))]
internal sealed partial class CacheJson : JsonSerializerContext;

/// <summary>The archive's files as the last build verified them (see <see cref="NoticeGen.Releases.VerifiedFiles"/>).</summary>
internal sealed record VerifiedArchive(IReadOnlyList<NoticeGen.Releases.VerifiedFile> Files);
