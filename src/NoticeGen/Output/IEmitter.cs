namespace NoticeGen.Output;

/// <summary>One kind of output (current pages, archived versions, redlines, feeds...): reads the build, writes its files.</summary>
public interface IEmitter
{
    /// <summary>A short name for progress and error messages, e.g. "redlines".</summary>
    string Name { get; }

    void Emit(EmitContext context);
}
