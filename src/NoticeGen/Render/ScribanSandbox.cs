using NoticeGen.Check;
using SourceSpan = NoticeGen.Check.SourceSpan;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace NoticeGen.Render;

/// <summary>
/// The one place where Scriban contexts are made: strict variables, bounded loops, recursion and output,
/// and no built-ins that reach outside the data we hand in (no clock, no file system beyond the given loader).
/// </summary>
public static class ScribanSandbox
{
    public static TemplateContext CreateContext(ScriptObject globals, ITemplateLoader loader)
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();

        // Output must depend on the input alone, and only literal includes may pull in other fragments (a release
        // freezes exactly those): no clock, no randomness, no evaluating text built at run time.
        builtins.Remove("date");
        Without(builtins, "math", "random");
        Without(builtins, "object", "eval", "eval_template");
        var context = new TemplateContext(builtins)
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            EnableRelaxedTargetAccess = false,
            EnableRelaxedIndexerAccess = false,
            EnableNullIndexer = false,
            LoopLimit = 10_000,
            RecursiveLimit = 32,
            // Limits stop a runaway template with an error; the default is to truncate silently, which would cut legal text.
            LimitToString = 4_000_000,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OutputLimit = 8_000_000,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            ObjectRecursionLimit = 32,
            RegexTimeOut = TimeSpan.FromSeconds(1),
            TemplateLoader = loader,
            NewLine = "\n",
        };
        context.PushGlobal(globals);
        return context;
    }

    private static void Without(ScriptObject builtins, string module, params string[] functions)
    {
        if (builtins[module] is ScriptObject functionsOfModule)
        {
            var copy = (ScriptObject)functionsOfModule.Clone(true);
            foreach (var function in functions)
            {
                copy.Remove(function);
            }

            builtins.SetValue(module, copy, readOnly: true);
        }
    }

    /// <summary>Parses a template, turning Scriban's messages into diagnostics at the template's own file and line.</summary>
    public static Template Parse(string text, string file, int lineShift = 0)
    {
        var template = Template.Parse(text, file);
        if (template.HasErrors)
        {
            throw new UserErrorException(template.Messages
                .Where(m => m.Type == ParserMessageType.Error)
                .Select(m => Diagnostic.Error(ToSpan(file, m.Span, lineShift), $"Template syntax error: {m.Message.TrimEnd('.')}.",
                    "Check that every '{{' has its '}}' and every 'if'/'for' its 'end'."))
                .ToList());
        }

        return template;
    }

    /// <summary>Renders, turning runtime errors (unknown variable, limits) into a diagnostic at the template's line.</summary>
    public static string Render(Template template, TemplateContext context, string file)
    {
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            var where = ToSpan(string.IsNullOrEmpty(ex.Span.FileName) ? file : ex.Span.FileName, ex.Span, 0);
            throw new UserErrorException(Diagnostic.Error(where, $"Template error: {ex.OriginalMessage.TrimEnd('.')}.", FixFor(ex.OriginalMessage)));
        }
    }

    private static string FixFor(string message) =>
        message.Contains("not found", StringComparison.OrdinalIgnoreCase) || message.Contains("member", StringComparison.OrdinalIgnoreCase)
            ? "Use a variable that is defined: site.KEY and notice.KEY come from site.yml, params.KEY from the front matter."
            : "Correct the template expression on this line.";

    private static SourceSpan ToSpan(string file, Scriban.Parsing.SourceSpan span, int lineShift) =>
        new(file, span.Start.Line + 1 + lineShift, span.Start.Column + 1);
}
