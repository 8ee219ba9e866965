using NoticeGen.Check;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NoticeGen.Load;

/// <summary>
/// Reads YAML into plain nodes and refuses what a content file never needs: anchors, aliases and type tags
/// (the usual ways to make a small file expand into a huge or surprising object), and very deep or very large documents.
/// </summary>
public static class SafeYaml
{
    private const int MaxDepth = 32;
    private const int MaxNodes = 100_000;

    /// <summary>Parses one YAML document. <paramref name="lineOffset"/> shifts reported lines, for front matter inside a Markdown file.</summary>
    public static YNode? Parse(string text, string file, int lineOffset = 0)
    {
        RefuseTabIndentation(text, file, lineOffset);
        var parser = new Parser(new StringReader(text));
        var builder = new Builder(parser, file, lineOffset);
        try
        {
            return builder.ReadDocument();
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unclosed [ ] or { }; the last value read is the best position known.
            throw new UserErrorException(Codes.YamlSyntax.At(builder.LastPosition, "This is not valid YAML: a list or mapping in [ ] or { } is not closed here or below.",
                "Close the bracket, or put the value in \"double quotes\" if it starts with [ or {."));
        }
        catch (ArgumentException) when (TagAfter(text, builder.LastPosition, lineOffset) is { } tag)
        {
            // YamlDotNet refuses a malformed tag ("!!str]") with an ArgumentException; NoticeGen refuses every tag anyway.
            throw new UserErrorException(Codes.YamlUnsafe.At(new SourceSpan(file, tag.Line, tag.Column), "YAML type tags (!name or !!type) are not allowed in NoticeGen files.",
                "Remove the tag, or put the value in \"double quotes\" if it starts with '!'."));
        }
        catch (YamlException ex)
        {
            // At the end of the text YamlDotNet can name a line past it: the last line is where the reader must look.
            var lines = text.Split('\n').Length;
            var where = new SourceSpan(file, Math.Clamp((int)ex.Start.Line, 1, lines) + lineOffset, Math.Max(1, (int)ex.Start.Column));
            var reason = ex.InnerException?.Message ?? ex.Message;
            throw new UserErrorException(Codes.YamlSyntax.At(where, $"This is not valid YAML: {Clean(reason)}.",
                "Check the indentation and quoting on this line (values with a colon or quote need \"double quotes\")."));
        }
    }

    /// <summary>The first '!' at or after a position: where a tag the parser choked on stands.</summary>
    private static (int Line, int Column)? TagAfter(string text, SourceSpan from, int lineOffset)
    {
        var lines = text.Split('\n');
        for (var i = Math.Max(0, from.Line - lineOffset - 1); i < lines.Length; i++)
        {
            var column = lines[i].IndexOf('!', StringComparison.Ordinal);
            if (column >= 0)
            {
                return (i + 1 + lineOffset, column + 1);
            }
        }

        return null;
    }

    /// <summary>
    /// YAML indents with spaces only. YamlDotNet reports a tab a line late and without naming it, so NoticeGen finds it
    /// first: the line and column of the first tab among a line's leading whitespace.
    /// </summary>
    private static void RefuseTabIndentation(string text, string file, int lineOffset)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0 && lines[i].Trim().Length > 0)
            {
                throw new UserErrorException(Codes.YamlSyntax.At(new SourceSpan(file, i + 1 + lineOffset, tab + 1),
                    "A tab indents this line; YAML indents with spaces only.", "Replace the tab with spaces (two per level, as the lines around it)."));
            }
        }
    }

    private static string Clean(string message)
    {
        var start = message.IndexOf("): ", StringComparison.Ordinal);
        var text = start >= 0 ? message[(start + 3)..] : message;
        return text.TrimEnd('.');
    }

    private sealed class Builder(IParser parser, string file, int lineOffset)
    {
        private int _nodes;

        /// <summary>Where the last event that parsed started; used when the scanner fails without a position.</summary>
        public SourceSpan LastPosition { get; private set; } = new(file, 1 + lineOffset, 1);

        private SourceSpan At(ParsingEvent e) => LastPosition = new(file, (int)e.Start.Line + lineOffset, (int)e.Start.Column);

        public YNode? ReadDocument()
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = parser.Accept<DocumentEnd>(out _) ? null : ReadNode(0);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                throw new UserErrorException(Codes.YamlSyntax.At(At(second), "This file holds more than one YAML document.",
                    "Remove the extra '---' line; a file holds one document."));
            }

            return root;
        }

        private YNode ReadNode(int depth)
        {
            var e = parser.Current ?? throw new InvalidOperationException("YAML stream ended early.");
            if (++_nodes > MaxNodes)
            {
                throw new UserErrorException(Codes.YamlUnsafe.At(At(e), $"This YAML has more than {MaxNodes} values.", "Split the file or remove generated content."));
            }

            if (depth > MaxDepth)
            {
                throw new UserErrorException(Codes.YamlUnsafe.At(At(e), $"This YAML is nested more than {MaxDepth} levels deep.", "Flatten the structure."));
            }

            if (e is AnchorAlias)
            {
                throw new UserErrorException(Codes.YamlUnsafe.At(At(e), "YAML aliases (*name) are not allowed in NoticeGen files.",
                    "Write the value out in full instead of referring to an anchor."));
            }

            if (e is NodeEvent node)
            {
                if (!node.Anchor.IsEmpty)
                {
                    throw new UserErrorException(Codes.YamlUnsafe.At(At(e), $"YAML anchors (&{node.Anchor.Value}) are not allowed in NoticeGen files.",
                        "Remove the anchor and write each value out in full."));
                }

                if (!node.Tag.IsEmpty && !IsPlainTag(node.Tag.Value))
                {
                    throw new UserErrorException(Codes.YamlUnsafe.At(At(e), $"YAML type tags ({node.Tag.Value}) are not allowed in NoticeGen files.",
                        "Remove the tag; write plain text, lists and key: value pairs."));
                }
            }

            switch (e)
            {
                case Scalar scalar:
                    parser.MoveNext();
                    RefuseControlCharacters(scalar);
                    return new YScalar(scalar.Value, At(scalar));
                case SequenceStart start:
                {
                    parser.MoveNext();
                    var items = new List<YNode>();
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        items.Add(ReadNode(depth + 1));
                    }

                    return new YSequence(items, At(start));
                }

                case MappingStart start:
                {
                    parser.MoveNext();
                    var entries = new List<KeyValuePair<YScalar, YNode>>();
                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        var keyNode = ReadNode(depth + 1);
                        if (keyNode is not YScalar key)
                        {
                            throw new UserErrorException(Codes.InvalidValue.At(keyNode.Where, "A key must be a plain word, not a list or mapping.", "Write 'key: value'."));
                        }

                        if (entries.Any(x => x.Key.Value == key.Value))
                        {
                            throw new UserErrorException(Codes.DuplicateId.At(key.Where, $"The key '{key.Value}' appears twice in this mapping.",
                                "Keep one of them; YAML would silently use only one."));
                        }

                        entries.Add(new(key, ReadNode(depth + 1)));
                    }

                    return new YMapping(entries, At(start));
                }

                default:
                    throw new UserErrorException(Codes.YamlSyntax.At(At(e), $"Unexpected YAML element {e.GetType().Name}.", "Write plain text, lists and key: value pairs."));
            }
        }

        /// <summary>
        /// The file itself holds no control characters (<see cref="SiteFiles"/> refuses them), but a double-quoted value
        /// can still spell one as an escape ("\0", "\x1b", "\u0007"), and would carry it into every page.
        /// </summary>
        private void RefuseControlCharacters(Scalar scalar)
        {
            foreach (var c in scalar.Value)
            {
                if (SiteFiles.IsInvisible(c))
                {
                    throw new UserErrorException(Codes.FileEncoding.At(At(scalar), $"This value spells the control character U+{(int)c:X4} as an escape, and no reader can see it.",
                        "Remove the escape (such as \\0, \\x1b or \\u0007) from the quoted value."));
                }

                if (SiteFiles.IsMark(c))
                {
                    throw new UserErrorException(Codes.FileEncoding.At(At(scalar), $"This value spells the private-use character U+{(int)c:X4} as an escape, which NoticeGen uses to mark passages and stamps: it would print a forged \"Applies to\" label or date.",
                        "Remove the escape (\\ue000 or \\ue001) from the quoted value."));
                }
            }
        }

        // The core schema's own tags are harmless; anything else asks a loader to build a type.
        private static bool IsPlainTag(string tag) =>
            tag is "!" or "tag:yaml.org,2002:str" or "tag:yaml.org,2002:seq" or "tag:yaml.org,2002:map";
    }
}
