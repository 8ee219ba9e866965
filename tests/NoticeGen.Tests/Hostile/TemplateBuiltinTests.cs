namespace NoticeGen.Tests.Hostile;

/// <summary>
/// Scriban's built-in functions are a way around the rules the site's files obey: a template that asks one for
/// randomness is refused at the call, with a located error, and the previous output stays.
/// </summary>
public sealed class TemplateBuiltinTests : IDisposable
{
    private readonly HostileSite _hostile = new();

    public void Dispose() => _hostile.Dispose();

    [Fact]
    public void A_random_identifier_is_refused_so_every_build_writes_the_same_bytes()
    {
        // math.uuid printed a new identifier into the notice on every build.
        _hostile.WriteCoversBody("Before.\nReference {{ math.uuid }}.");
        _hostile.Refused("content/covers.md:6:19: error: Template error: Cannot get member with name uuid.", "[NG2002]");
    }
}
