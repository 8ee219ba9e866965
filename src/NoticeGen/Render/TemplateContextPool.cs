using System.Collections.Concurrent;
using Scriban;
using Scriban.Runtime;

namespace NoticeGen.Render;

/// <summary>
/// Reusable Scriban contexts for one kind of template. A context is not thread-safe and costly to create (it clones
/// Scriban's built-ins), so each render borrows one, and gives it back reset for the next render on any thread.
/// </summary>
public sealed class TemplateContextPool(ScribanLimits limits)
{
    private readonly ScriptObject _builtins = ScribanSandbox.Builtins();
    private readonly ConcurrentBag<TemplateContext> _free = [];

    public TemplateContext Rent() => _free.TryTake(out var context) ? context : ScribanSandbox.CreateContext(_builtins, limits);

    public void Return(TemplateContext context)
    {
        context.Reset();
        _free.Add(context);
    }
}
