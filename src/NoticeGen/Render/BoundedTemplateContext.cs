using System.Globalization;
using NoticeGen.Compose;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace NoticeGen.Render;

/// <summary>A Scriban context that bounds the whole work of a render (<see cref="ScribanLimits.Steps"/>, <see cref="ScribanLimits.Characters"/>).</summary>
/// <remarks>
/// Scriban's loop limit counts the iterations of one loop and those nested in it, so a thousand loops in a row, or one
/// loop padding a string to megabytes on every pass, each stay under it and together run for minutes. Here every
/// expression evaluated costs a step and every string it yields its length, counted from the start of the render: the
/// same count on every machine, unlike a timeout.
/// </remarks>
public sealed class BoundedTemplateContext(ScriptObject builtins, ScribanLimits limits) : TemplateContext(builtins)
{
    private long _steps;
    private long _characters;

    /// <summary>The marks NoticeGen itself printed in this render, besides the last-updated placeholder every template may print.</summary>
    private readonly HashSet<string> _marks = new(StringComparer.Ordinal) { Placeholders.LastUpdated };

    /// <summary>
    /// Records the marks in a text NoticeGen itself produced (a passage's start and end, an included fragment's), so that
    /// a string holding them is not taken for a forgery.
    /// </summary>
    public void AllowMarks(string text)
    {
        var i = text.IndexOf(Placeholders.MarkStart);
        while (i >= 0 && text.IndexOf(Placeholders.MarkEnd, i) is var end and >= 0)
        {
            _marks.Add(text[i..(end + 1)]);
            i = text.IndexOf(Placeholders.MarkStart, end);
        }
    }

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        if (limits.Steps > 0 && ++_steps > limits.Steps)
        {
            throw new ScriptRuntimeException(scriptNode?.Span ?? default, string.Create(CultureInfo.InvariantCulture, $"The template takes more than {limits.Steps:N0} steps to render (a work limit)"));
        }

        var value = base.Evaluate(scriptNode, aliasReturnedFunction);
        if (value is string text && limits.Characters > 0 && (_characters += text.Length) > limits.Characters)
        {
            throw new ScriptRuntimeException(scriptNode?.Span ?? default, string.Create(CultureInfo.InvariantCulture, $"The template handles more than {limits.Characters:N0} characters of text to render (a work limit)"));
        }

        // Literals are checked when parsed (and the passage marks inserted after that are NoticeGen's own).
        if (value is string marked && scriptNode is not ScriptLiteral && marked.AsSpan().IndexOfAny(Placeholders.MarkStart, Placeholders.MarkEnd) >= 0 && IsForged(marked))
        {
            // page.last_updated holds a mark; cut up or rewritten (string.slice, string.replace) it would forge an
            // "Applies to" label or a stamp that no 'if applies' or page asked for.
            throw new ScriptRuntimeException(scriptNode?.Span ?? default, "This expression takes apart the value of page.last_updated (or of an include), which holds a mark of NoticeGen's: it would print a forged \"Applies to\" label or date");
        }

        if (scriptNode is ScriptBinaryExpression { Operator: ScriptBinaryOperator.Divide or ScriptBinaryOperator.DivideRound or ScriptBinaryOperator.Modulus }
            && value is double or float && !double.IsFinite(Convert.ToDouble(value, CultureInfo.InvariantCulture)))
        {
            // Scriban divides in floating point, so 1 / 0 would publish "Infinity" (and 0 / 0 "NaN") in the legal text;
            // integer // and % already stop with "Attempted to divide by zero".
            throw new ScriptRuntimeException(scriptNode.Span, "Division by zero: the division has no finite result and would print 'Infinity' or 'NaN'");
        }

        if (value is double or float && !double.IsFinite(Convert.ToDouble(value, CultureInfo.InvariantCulture)))
        {
            // Any other way to a number beyond double's range (1.0e400, 1.0e308 * 10.0, string.to_double "1e400") would
            // publish "Infinity" in the legal text just the same.
            throw new ScriptRuntimeException(scriptNode?.Span ?? default, "This number is too large to compute and would print 'Infinity' or 'NaN'");
        }

        return value;
    }

    /// <summary>Whether a text holds a mark character outside a whole mark that NoticeGen printed in this render.</summary>
    private bool IsForged(string text)
    {
        var i = text.AsSpan().IndexOfAny(Placeholders.MarkStart, Placeholders.MarkEnd);
        while (i >= 0)
        {
            var end = text.IndexOf(Placeholders.MarkEnd, i);
            var nextStart = text.IndexOf(Placeholders.MarkStart, i + 1);
            if (text[i] != Placeholders.MarkStart || end < 0 || (nextStart >= 0 && nextStart < end) || !_marks.Contains(text[i..(end + 1)]))
            {
                return true;
            }

            i = text.AsSpan(end + 1).IndexOfAny(Placeholders.MarkStart, Placeholders.MarkEnd) is var next and >= 0 ? end + 1 + next : -1;
        }

        return false;
    }

    /// <summary>Clears the count with the rest of the context, before the context renders again.</summary>
    public override void Reset()
    {
        base.Reset();
        _steps = 0;
        _characters = 0;
        _marks.Clear();
        _marks.Add(Placeholders.LastUpdated);
    }
}
