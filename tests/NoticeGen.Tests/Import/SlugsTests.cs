using NoticeGen.Import;

namespace NoticeGen.Tests.Import;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Datenschutzerklärung", "datenschutzerklarung")]
    [InlineData("Café data", "cafe-data")]
    [InlineData("ÉTENDUE DE LA POLITIQUE", "etendue-de-la-politique")]
    [InlineData("Große Straße", "grosse-strasse")]
    [InlineData("Política de privacidad", "politica-de-privacidad")]
    public void Accented_latin_letters_give_their_plain_letters_in_ids(string title, string id)
    {
        // The accented letter split the word: "Datenschutzerklärung" gave datenschutzerkl-rung.
        Assert.Equal(id, Slugs.FromTitle(title));
    }
}
