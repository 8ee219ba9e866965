using NoticeGen.Compose;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace NoticeGen.Render;

/// <summary>
/// Marks the passages a fragment limits with <c>{{ if applies "eu" "uk" }}</c>, so that the full notice can say whom
/// each applies to. The parsed template gets a call at the start and the end of each such passage; the call prints
/// <see cref="Placeholders.Passage"/> and <see cref="Placeholders.PassageEnd"/> on the full notice and nothing on any
/// other page, so audience pages render exactly as before. <see cref="PassageLabels"/> turns the marks into labels.
/// </summary>
public static class PassageMarks
{
    /// <summary>
    /// The name the inserted calls look up. It has spaces, so no fragment can call it or define a variable of that name.
    /// </summary>
    public const string FunctionName = "noticegen passage mark";

    /// <summary>Inserts the marks into every 'if' whose condition is an 'applies' call (or several joined by 'or'/'and').</summary>
    public static Template Insert(Template template)
    {
        if (template.Page is null)
        {
            return template;
        }

        foreach (var statement in Descendants(template.Page).OfType<ScriptIfStatement>().ToList())
        {
            if (statement.Then is not null && Jurisdictions(statement.Condition) is { Count: > 0 } ids)
            {
                Mark(statement.Then, ids);
            }
        }

        return template;
    }

    /// <summary>The function the marks call: a placeholder on the full notice, nothing elsewhere.</summary>
    public static IScriptCustomFunction Function(bool fullNotice) => fullNotice ? Printing : Silent;

    private static readonly MarkFunction Printing = new(true);

    private static readonly MarkFunction Silent = new(false);

    /// <summary>
    /// The jurisdictions a condition limits its passage to; null when it does not limit it to jurisdictions alone (a
    /// condition on the notice, a negation), since a label must never claim a limit the text does not have.
    /// </summary>
    private static IReadOnlyList<string>? Jurisdictions(ScriptExpression? condition)
    {
        switch (condition)
        {
            case ScriptNestedExpression nested:
                return Jurisdictions(nested.Expression);
            case ScriptFunctionCall { Target: ScriptVariableGlobal { Name: "applies" } } call
                when call.Arguments.Count > 0 && call.Arguments.All(a => a is ScriptLiteral { Value: string }):
                return call.Arguments.Select(a => (string)((ScriptLiteral)a).Value!).Distinct(StringComparer.Ordinal).ToList();
            case ScriptBinaryExpression { Operator: ScriptBinaryOperator.Or } or:
                // Shown when either side holds: limited only when both sides are, to the jurisdictions of both.
                return Jurisdictions(or.Left) is { } left && Jurisdictions(or.Right) is { } right ? left.Union(right, StringComparer.Ordinal).ToList() : null;
            case ScriptBinaryExpression { Operator: ScriptBinaryOperator.And } and:
                // Shown only when both sides hold: the side that names jurisdictions limits it (both: to those they share).
                var first = Jurisdictions(and.Left);
                var second = Jurisdictions(and.Right);
                return first is null ? second : second is null ? first : first.Intersect(second, StringComparer.Ordinal).ToList() is { Count: > 0 } shared ? shared : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Puts the start mark before the passage's first word (after the line's indentation and any list, quote or heading
    /// marker, which must stay first on the line for Markdown to read it) and the end mark after its last word.
    /// </summary>
    private static void Mark(ScriptBlockStatement body, IReadOnlyList<string> ids)
    {
        var statements = body.Statements;
        var first = IndexOfOutput(statements, fromEnd: false);
        if (first < 0)
        {
            return;
        }

        var last = IndexOfOutput(statements, fromEnd: true);
        InsertAt(statements, last, Call(Placeholders.PassageEnd), atEnd: true);
        InsertAt(statements, first, Call(Placeholders.Passage(ids)), atEnd: false);
    }

    /// <summary>The first (or last) statement that can print something: not the '}}' and 'end' tokens Scriban keeps.</summary>
    private static int IndexOfOutput(ScriptList<ScriptStatement> statements, bool fromEnd)
    {
        for (var n = 0; n < statements.Count; n++)
        {
            var i = fromEnd ? statements.Count - 1 - n : n;
            if (statements[i] is not (ScriptEscapeStatement or ScriptEndStatement))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Inserts <paramref name="mark"/> at the start (or end) of the statement at <paramref name="index"/>: inside its text,
    /// past the whitespace and block markers (or before the trailing whitespace), when it is text.
    /// </summary>
    private static void InsertAt(ScriptList<ScriptStatement> statements, int index, ScriptStatement mark, bool atEnd)
    {
        if (statements[index] is not ScriptRawStatement raw || raw.IsEscape)
        {
            statements.Insert(atEnd ? index + 1 : index, mark);
            return;
        }

        var text = raw.Text.ToString();
        var split = atEnd ? EndOfWords(text) : StartOfWords(text);
        if (split == 0)
        {
            statements.Insert(index, mark);
        }
        else if (split == text.Length)
        {
            statements.Insert(index + 1, mark);
        }
        else
        {
            statements[index] = Raw(raw, text[..split]);
            statements.Insert(index + 1, mark);
            statements.Insert(index + 2, Raw(raw, text[split..]));
        }
    }

    /// <summary>Where the words of a passage end: before trailing blank space, and before the closing pipe of a table row.</summary>
    private static int EndOfWords(string text)
    {
        var end = text.TrimEnd().Length;
        if (end == 0 || text[end - 1] != '|')
        {
            return end;
        }

        var lineStart = text.LastIndexOf('\n', end - 1) + 1;
        if (text.AsSpan(lineStart, end - lineStart).TrimStart().StartsWith("|"))
        {
            end = text[..(end - 1)].TrimEnd(' ', '\t').Length;
        }

        return end;
    }

    /// <summary>Where the words of a passage begin: past blank space and the Markdown markers that open its first line.</summary>
    private static int StartOfWords(string text)
    {
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        while (true)
        {
            var marker = MarkerLength(text, i);
            if (marker == 0)
            {
                return i;
            }

            i += marker;
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }
        }
    }

    /// <summary>The length of a block quote, table row, list item or ATX heading marker at <paramref name="i"/>, else 0.</summary>
    private static int MarkerLength(string text, int i)
    {
        if (i >= text.Length)
        {
            return 0;
        }

        if (text[i] is '>' or '|')
        {
            // A quote marker, or the pipe that opens a table row: the mark then starts the first cell.
            return 1;
        }

        var j = i;
        if (text[i] is '-' or '+' or '*')
        {
            j++;
        }
        else if (text[i] == '#')
        {
            while (j < text.Length && text[j] == '#' && j - i < 6)
            {
                j++;
            }
        }
        else
        {
            while (j < text.Length && char.IsAsciiDigit(text[j]) && j - i < 9)
            {
                j++;
            }

            if (j == i || j >= text.Length || text[j] is not ('.' or ')'))
            {
                return 0;
            }

            j++;
        }

        return j < text.Length && text[j] is ' ' or '\t' ? j - i : 0;
    }

    private static ScriptRawStatement Raw(ScriptRawStatement original, string text) =>
        new() { Text = new ScriptStringSlice(text), Span = original.Span };

    private static ScriptExpressionStatement Call(string placeholder)
    {
        var call = new ScriptFunctionCall { Target = new ScriptVariableGlobal(FunctionName) };
        call.Arguments.Add(new ScriptLiteral(placeholder));
        return new ScriptExpressionStatement { Expression = call };
    }

    private static IEnumerable<ScriptNode> Descendants(ScriptNode node)
    {
        foreach (var child in node.Children)
        {
            if (child is null)
            {
                continue;
            }

            yield return child;
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    /// <summary>Prints its argument, the placeholder, on the full notice; prints nothing on other pages.</summary>
    private sealed class MarkFunction(bool print) : IScriptCustomFunction
    {
        public int RequiredParameterCount => 1;

        public int ParameterCount => 1;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

        public Type ReturnType => typeof(string);

        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(string), "placeholder");

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            if (!print)
            {
                return string.Empty;
            }

            var mark = arguments[0] as string;
            (context as BoundedTemplateContext)?.AllowMarks(mark ?? string.Empty);
            return mark;
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }
}
