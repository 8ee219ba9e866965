using AngleSharp.Dom;
using AngleSharp.Text;
using NoticeGen.Check;

namespace NoticeGen.Import;

/// <summary>
/// Refuses a web page whose elements nest deeper than <see cref="HtmlPageReader.MaxNesting"/>, while it is parsed. The
/// HTML parser searches its whole stack of open elements for each block it opens, so a page of 30,000 nested
/// &lt;div&gt;s takes seconds to parse and 100,000 minutes; no notice nests like that. Each element is measured once
/// the parser has placed it (when the next one is created), walking at most the limit's number of parents, so the
/// check costs time in proportion to the page and stops the parse at the first element too deep.
/// </summary>
internal sealed class NestingGuard(string file, int limit)
{
    private IElement? _last;
    private TextPosition _lastAt;

    /// <summary>The parser's callback for each element it creates (not yet in the tree: the previous one now is).</summary>
    public void Created(IElement element, TextPosition at)
    {
        Check();
        _last = element;
        _lastAt = at;
    }

    /// <summary>Measures the last element created, once the parse is over.</summary>
    public void Finish() => Check();

    private void Check()
    {
        if (_last is null)
        {
            return;
        }

        var depth = 0;
        for (var element = _last; element is not null; element = element.ParentElement)
        {
            if (++depth > limit)
            {
                var where = new SourceSpan(file, Math.Max(1, _lastAt.Line), Math.Max(1, _lastAt.Column));
                throw new UserErrorException(Codes.ImportSource.At(where,
                    $"This <{_last.LocalName}> is nested {depth} elements deep, more than the {limit} NoticeGen reads.",
                    "Flatten the structure: a notice needs a few levels of sections, lists and tables at most; remove the wrappers around the content and import the page again."));
            }
        }
    }
}
