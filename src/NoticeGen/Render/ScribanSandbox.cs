using NoticeGen.Check;
using NoticeGen.Load;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using SourceSpan = NoticeGen.Check.SourceSpan;

namespace NoticeGen.Render;

/// <summary>
/// The one place where Scriban contexts are configured: strict variables, bounded loops, recursion and output, and no
/// built-ins that reach outside the data we hand in (no clock, no randomness, no evaluating text built at run time).
/// </summary>
public static class ScribanSandbox
{
    /// <summary>The built-in functions templates may call; one instance is shared, read-only, by every context of a pool.</summary>
    public static ScriptObject Builtins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();

        // Output must depend on the input alone, and only literal includes may pull in other fragments (a release
        // freezes exactly those): no clock, no randomness, no evaluating text built at run time.
        builtins.Remove("date");

        // A regular expression can take longer than its timeout allows on a slower machine, so the same text would render
        // on one and fail on another: text needs no regex.
        builtins.Remove("regex");
        // math.uuid draws a random identifier: a page would differ on every build.
        Without(builtins, "math", "random", "uuid");
        Without(builtins, "object", "eval", "eval_template", "from_json");

        // Decoding text into characters would let a template write what no site file may hold: NoticeGen's own marks
        // (a forged "Applies to" label or date) and control characters. Literals are checked when they are parsed.
        Without(builtins, "string", "base64_decode");
        return builtins;
    }

    public static TemplateContext CreateContext(ScriptObject builtins, ScribanLimits limits) => new BoundedTemplateContext(builtins, limits)
    {
        StrictVariables = true,
        EnableRelaxedMemberAccess = false,
        EnableRelaxedTargetAccess = false,
        EnableRelaxedIndexerAccess = false,
        EnableNullIndexer = false,
        LoopLimit = limits.Loops,
        RecursiveLimit = limits.Recursion,
        // Limits stop a runaway template with an error; the default is to truncate silently, which would cut legal text.
        LimitToString = limits.StringLength,
        OnStringLimit = ScriptLimitBehavior.Throw,
        OutputLimit = limits.Output,
        OnOutputLimit = ScriptLimitBehavior.Throw,
        ObjectRecursionLimit = 32,
        RegexTimeOut = TimeSpan.FromSeconds(1),
        NewLine = "\n",
    };

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
        if (UnclosedTag(text) is { } open)
        {
            var at = SourceSpan.At(file, text, open);
            throw new UserErrorException(Codes.TemplateSyntax.At(at with { Line = at.Line + lineShift },
                "This '{{' is never closed, so the text after it would be read as template code (or dropped).",
                "Close it with '}}', or write a literal brace pair as {{ \"{{\" }}."));
        }

        var template = Template.Parse(text, file);
        if (template.HasErrors)
        {
            throw new UserErrorException(template.Messages
                .Where(m => m.Type == ParserMessageType.Error)
                .Select(m => Codes.TemplateSyntax.At(ToSpan(file, m.Span, lineShift), $"Template syntax error: {m.Message.TrimEnd('.')}.",
                    "Check that every '{{' has its '}}' and every 'if'/'for' its 'end'."))
                .ToList());
        }

        RefuseEscapedCharacters(template, file, lineShift);
        return template;
    }

    /// <summary>
    /// The file holds no control characters or NoticeGen marks (<see cref="Load.SiteFiles"/> refuses them), but a string
    /// literal can still spell one as an escape ("\x1b", "\uE000"), and would carry it into every page.
    /// </summary>
    private static void RefuseEscapedCharacters(Template template, string file, int lineShift)
    {
        var pending = new Stack<ScriptNode>();
        if (template.Page is not null)
        {
            pending.Push(template.Page);
        }

        var errors = new List<Diagnostic>();
        while (pending.TryPop(out var node))
        {
            if (node is ScriptLiteral { Value: string text } && text.Any(SiteFiles.IsRefused))
            {
                var c = text.First(SiteFiles.IsRefused);
                errors.Add(Codes.FileEncoding.At(ToSpan(file, node.Span, lineShift), SiteFiles.IsMark(c)
                    ? $"This template string spells the private-use character U+{(int)c:X4} as an escape, which NoticeGen uses to mark passages and stamps: it would print a forged \"Applies to\" label or date."
                    : $"This template string spells the control character U+{(int)c:X4} as an escape, and no reader can see it.",
                    "Remove the escape (such as \\x1b, \\u0007 or \\uE000) from the quoted string."));
            }

            foreach (var child in node.Children)
            {
                if (child is not null)
                {
                    pending.Push(child);
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new UserErrorException(errors.OrderBy(e => e.Where.Line).ThenBy(e => e.Where.Column).ToList());
        }
    }

    /// <summary>
    /// Renders with <paramref name="globals"/> in scope, turning runtime errors (unknown variable, limits) into a diagnostic
    /// at the template's line. The context is borrowed from <paramref name="pool"/> and reset before it goes back.
    /// </summary>
    public static string Render(Template template, ScriptObject globals, ITemplateLoader loader, TemplateContextPool pool, string file)
    {
        var context = pool.Rent();
        var reusable = false;
        try
        {
            context.TemplateLoader = loader;
            context.PushGlobal(globals);
            var result = template.Render(context);
            context.PopGlobal();
            reusable = true;
            return result;
        }
        catch (ScriptRuntimeException ex)
        {
            var where = ToSpan(string.IsNullOrEmpty(ex.Span.FileName) ? file : ex.Span.FileName, ex.Span, 0);
            throw new UserErrorException(Codes.TemplateError.At(where, $"Template error: {ex.OriginalMessage.TrimEnd('.')}.", FixFor(ex.OriginalMessage)));
        }
        finally
        {
            // A context left mid-render by an error is dropped rather than trusted to reset cleanly.
            if (reusable)
            {
                pool.Return(context);
            }
        }
    }

    private static string FixFor(string message)
    {
        bool Has(string words) => message.Contains(words, StringComparison.OrdinalIgnoreCase);
        return message switch
        {
            _ when Has("not found") || Has("member") => "Use a variable that is defined: site.KEY and notice.KEY come from site.yml, params.KEY from the front matter.",
            _ when Has("limit") => "Templates are for small variations (a name, a passage per jurisdiction): write long or repeated text out in the fragment.",
            _ when Has("divi") && Has("zero") => "Divide only by a value that cannot be zero, or write the number out in the text.",
            _ when Has("forged") => "Print {{ page.last_updated }} whole, and limit a passage with {{ if applies \"id\" }}...{{ end }}.",
            _ when Has("too large to compute") => "Compute with numbers of an ordinary size, or write the number out in the text.",
            _ => "Correct the template expression on this line.",
        };
    }

    /// <summary>
    /// Where a '{{' opens that no '}}' closes; null when every one is closed. Scriban reads such a tag at the end of a text
    /// as code that prints nothing, so a stray '{{' silently dropped the rest of a section. Escaped text ({%{ ... }%})
    /// is skipped, as Scriban prints it as it stands.
    /// </summary>
    private static int? UnclosedTag(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var escape = text.IndexOf("{%{", i, StringComparison.Ordinal);
            var open = text.IndexOf("{{", i, StringComparison.Ordinal);
            if (escape >= 0 && (open < 0 || escape < open))
            {
                var end = text.IndexOf("}%}", escape + 3, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 3;
                continue;
            }

            if (open < 0)
            {
                return null;
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                return open;
            }

            i = close + 2;
        }

        return null;
    }

    private static SourceSpan ToSpan(string file, Scriban.Parsing.SourceSpan span, int lineShift) =>
        new(file, Math.Max(0, span.Start.Line) + 1 + lineShift, Math.Max(0, span.Start.Column) + 1);
}
