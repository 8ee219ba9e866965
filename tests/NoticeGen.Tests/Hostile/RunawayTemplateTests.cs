using System.Diagnostics;

namespace NoticeGen.Tests.Hostile;

/// <summary>
/// A fragment's template that would loop, recurse or grow without end is stopped at the expression that went too far,
/// within a moment, with a located error: it never hangs the build, exhausts memory, or cuts the text short silently.
/// </summary>
public sealed class RunawayTemplateTests : IDisposable
{
    private readonly HostileSite _hostile = new();

    public void Dispose() => _hostile.Dispose();

    public static TheoryData<string, string, string> Runaways => new()
    {
        { "{{ for i in 1..100000000 }}x{{ end }}", "content/covers.md:6:14:", "Range expression exceeds LoopLimit `10000`" },
        { "{{ while true }}x{{ end }}", "content/covers.md:6:4:", "Exceeding number of iteration limit `10000` for loop statement" },
        { "{{ for i in 1..9000; for j in 1..9000; end; end }}", "content/covers.md:6:22:", "Exceeding number of iteration limit `10000` for loop statement" },
        { "{{ func f(x); ret f(x); end; f(1) }}", "content/covers.md:6:19:", "Exceeding number of recursive depth limit `32`" },
        { "{{ func f; ret f + f; end; f }}", "content/covers.md:6:16:", "Exceeding number of recursive depth limit `32`" },
        { "{{ \"x\" | string.pad_left 100000000 }}", "content/covers.md:6:26:", "Padding width `100000000` exceeds the configured LimitToString `4000000`" },
        { "{{ \"x\" | string.pad_right 100000000 }}", "content/covers.md:6:27:", "Padding width `100000000` exceeds the configured LimitToString `4000000`" },
        { "{{ \"x\" * 100000000 }}", "content/covers.md:6:10:", "String multiplication exceeds LimitToString `4000000`" },
        { "{{ s = \"0123456789\"; for i in 1..40; s = s + s; end; s }}", "content/covers.md:6:42:", "The template handles more than 16,000,000 characters of text to render (a work limit)" },
        { "{{ a = [1, 2, 3] * 100000000; a | array.size }}", "content/covers.md:6:18:", "Exceeding number of iteration limit `10000` for internal iteration" },
        { "{{ a = [1]; for i in 1..40; a = a | array.add_range a; end; a | array.size }}", "content/covers.md:6:37:", "Exceeding number of iteration limit `10000` for internal iteration" },
        { "{{ for i in 1..9999 }}" + new string('x', 1000) + "{{ end }}", "content/covers.md:6:", "Rendered output exceeds OutputLimit `8000000`" },
        { string.Concat(Enumerable.Repeat("{{ for i in 1..9999; end }}", 100)), "content/covers.md:6:", "The template takes more than 250,000 steps to render (a work limit)" },
        { "{{ for i in 1..9999; x = \"x\" | string.pad_left 999999; end }}", "content/covers.md:6:32:", "The template handles more than 16,000,000 characters of text to render (a work limit)" },
    };

    [Theory]
    [MemberData(nameof(Runaways))]
    public void A_runaway_template_is_a_located_error_within_seconds(string template, string where, string message)
    {
        _hostile.WriteCoversBody("Before.\n" + template);
        var clock = Stopwatch.StartNew();
        _hostile.Refused(where, "error: Template error: " + message, "[NG2002]");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void An_include_of_a_path_is_refused_before_anything_renders()
    {
        _hostile.WriteCoversBody("Before.\n{{ include \"../../etc/passwd\" }} and {{ include \"/etc/passwd\" }}");
        _hostile.Refused(
            "content/covers.md:6:13: error: There is no fragment with id '../../etc/passwd' to include.",
            "content/covers.md:6:50: error: There is no fragment with id '/etc/passwd' to include.",
            "[NG2003]");
        Assert.False(_hostile.OutputContains("root:x:0:0"));
    }

    [Fact]
    public void A_template_within_the_limits_still_renders_whole()
    {
        // Ten thousand loop steps and a string of a million characters are far beyond any notice, and under every limit.
        _hostile.WriteCoversBody("{{ n = 0; for i in 1..9999; n = n + 1; end; s = \"a\" | string.pad_left 1000000 }}Counted {{ n }}, padded {{ s | string.size }}.");
        _hostile.Built();
        Assert.Equal("Counted 9999, padded 1000000.", TestSupport.Html.Page(_hostile.Site, "web/").QuerySelector("#covers p")!.TextContent);
    }
}
