using NoticeGen.Tests.Hostile;

namespace NoticeGen.Tests.Render;

/// <summary>
/// Arithmetic in a fragment that has no number as its result is a located error: Scriban divides in floating point, so
/// a division by zero, or a number beyond double's range, would otherwise publish "Infinity" or "NaN" in the legal text.
/// </summary>
public sealed class TemplateArithmeticTests : IDisposable
{
    private readonly HostileSite _hostile = new();

    public void Dispose() => _hostile.Dispose();

    [Theory]
    [InlineData("{{ 1 / 0 }}", "content/covers.md:6:4:")]
    [InlineData("{{ 0 / 0 }}", "content/covers.md:6:4:")]
    [InlineData("{{ n = 0; 2.5 / n }}", "content/covers.md:6:11:")]
    [InlineData("{{ 1.5 % 0 }}", "content/covers.md:6:4:")]
    public void A_division_by_zero_is_a_located_error(string template, string where)
    {
        _hostile.WriteCoversBody("Before.\n" + template);
        _hostile.Refused(where, "error: Template error: Division by zero", "Divide only by a value that cannot be zero", "[NG2002]");
    }

    [Theory]
    [InlineData("{{ 1.0e400 }}", "content/covers.md:6:4:")]
    [InlineData("{{ -1.0e400 }}", "content/covers.md:6:5:")]
    [InlineData("{{ x = 1.0e308 * 10.0 }}", "content/covers.md:6:8:")]
    [InlineData("{{ \"1e400\" | string.to_double }}", "content/covers.md:6:14:")]
    public void A_number_beyond_the_range_of_numbers_is_a_located_error(string template, string where)
    {
        // Each printed "Infinity" (or "-Infinity") in the notice.
        _hostile.WriteCoversBody("Before.\n" + template);
        _hostile.Refused(where, "error: Template error: This number is too large to compute and would print 'Infinity' or 'NaN'", "Compute with numbers of an ordinary size", "[NG2002]");
    }

    [Fact]
    public void Large_finite_numbers_still_print()
    {
        _hostile.WriteCoversBody("{{ 1.0e300 * 10.0 > 1 }} {{ 1.5 * 2 }}");
        _hostile.Built();
        Assert.Equal("true 3", TestSupport.Html.Page(_hostile.Site, "web/").QuerySelector("#covers p")!.TextContent);
    }
}
