using NoticeGen.Tests.Hostile;

namespace NoticeGen.Tests.Render;

/// <summary>
/// Arithmetic in a fragment that has no number as its result is a located error: Scriban divides in floating point, so
/// a division by zero would otherwise publish "Infinity" or "NaN" in the legal text.
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
}
