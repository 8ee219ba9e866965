using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace NoticeGen.Render;

/// <summary>
/// A template value made only when a template reads it, once: Scriban calls a function that takes no argument when a
/// template names it (<c>page.versions</c>), so data that most templates never read costs nothing on every page.
/// </summary>
public sealed class LazyValue(Func<object?> make) : IScriptCustomFunction
{
    private readonly Lazy<object?> _value = new(make);

    public int RequiredParameterCount => 0;

    public int ParameterCount => 0;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => typeof(object);

    public ScriptParameterInfo GetParameterInfo(int index) => throw new ArgumentOutOfRangeException(nameof(index), "A lazy value takes no argument.");

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) => _value.Value;

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
