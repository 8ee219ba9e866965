using NoticeGen.Import;

namespace NoticeGen.Tests.Import;

public sealed class JurisdictionGuesserTests
{
    [Theory]
    [InlineData("Rights of California Residents under the California Consumer Privacy Act of 2018 (CCPA)", "If you are a resident of the State of California ...", "california", "California Consumer Privacy Act")]
    [InlineData("Rights of European Data Subjects under the EU and UK GDPR", "If you are in the European Union (EU), the United Kingdom (UK) or Switzerland ...", "eu,uk,ch", "European,UK GDPR,Switzerland")]
    [InlineData("Your rights under the LGPD", null, "brazil", "LGPD")]
    [InlineData("Notice to Virginia and Colorado residents", null, "virginia,colorado", "Virginia,Colorado")]
    public void A_title_naming_one_region_is_guessed_with_the_places_its_first_paragraph_adds(string title, string? paragraph, string ids, string evidence)
    {
        var guess = JurisdictionGuesser.Guess(title, paragraph);

        Assert.NotNull(guess);
        Assert.Equal(ids.Split(','), guess.Jurisdictions);
        Assert.Equal(evidence.Split(','), guess.Evidence);
    }

    [Theory]
    [InlineData("Compliance With GDPR, CCPA/CPRA, EU AI Act, and Other Applicable Laws")]
    [InlineData("Cross-border Personal Information transfers")]
    [InlineData("Contact us")]
    public void A_title_naming_no_jurisdiction_or_several_regions_is_not_guessed(string title) =>
        Assert.Null(JurisdictionGuesser.Guess(title, "If you are in the EU or California ..."));

    [Fact]
    public void The_front_matter_comment_quotes_the_evidence_and_asks_to_confirm() =>
        Assert.Equal("# guessed from \"CCPA\": confirm", JurisdictionGuesser.Guess("CCPA rights", null)!.Comment);
}
