using NoticeGen.Import;
using NoticeGen.Tests.TestSupport;

namespace NoticeGen.Tests.Import;

public sealed class TextPageReaderTests
{
    private static SourcePage Seed() => TextPageReader.Read("seed.txt", File.ReadAllText(Repo.Fixture("seed.txt")));

    [Fact]
    public void The_seed_reads_as_its_notices_with_the_lines_where_each_begins_and_ends()
    {
        var page = Seed();

        Assert.Equal("Kaltura Privacy Notices", page.SiteTitle);
        Assert.Equal(
            [("Privacy Notice for the Kaltura Websites", 10, 125, true, 17), ("Privacy Notice for the Kaltura Platform", 126, 219, true, 18),
             ("Untitled notice", 220, 316, false, 1), ("Privacy Notice for the Kaltura Platform", 317, 394, false, 2),
             ("Privacy Notice for the E-Self Platform", 395, 429, false, 15)],
            page.Notices.Select(n => (n.Title, n.Line, n.LastLine, n.Numbered, n.Sections.Count)));
        Assert.Equal(6, page.SiteIntro.Count);
        Assert.Equal(["seed.txt:1:1", "seed.txt:2:1"], page.Notes.Where(n => n.Kind == NoteKind.LeftOut).Select(n => n.Where.ToString()));
    }

    [Fact]
    public void Bullets_after_a_lead_in_are_a_list_and_dash_led_lines_of_a_dash_led_notice_are_paragraphs()
    {
        var page = Seed();

        var collection = page.Notices[0].Sections[1];
        Assert.Equal("When does Kaltura collect Personal Information?", collection.Title);
        Assert.StartsWith("- When you visit the Kaltura Websites\n- When you interact", collection.Blocks[1].Markdown, StringComparison.Ordinal);
        var avatar = page.Notices[4].Sections[0];
        Assert.Equal("AI Avatars (E‑self) – Privacy and Data Use", avatar.Title);
        Assert.StartsWith("This section explains", Assert.Single(avatar.Blocks).Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrapped_lines_join_into_paragraphs_and_an_address_keeps_its_line_breaks()
    {
        var text = "Acme Privacy Notice\n\nWe respect your privacy and explain here\nwhat we collect and why.\n\n1. Contact\n\nWrite to us at:\n\nAcme Inc.\n1 Main St\nSpringfield\n\n2. Changes\n\nWe may change this notice.\nSee section 1 for questions.\n";

        var page = TextPageReader.Read("notice.txt", text);
        var plan = ImportPlanner.Plan([page], new ImportOptions(), ImportState.Empty, "notice.txt");

        var notice = Assert.Single(page.Notices);
        Assert.Equal("We respect your privacy and explain here what we collect and why.", Assert.Single(notice.Intro).Markdown);
        Assert.Equal(["Write to us at:", "Acme Inc.\\\n1 Main St\\\nSpringfield"], notice.Sections[0].Blocks.Select(b => b.Markdown));
        Assert.Equal("We may change this notice.\n\nSee [](#contact) for questions.", plan.Site.Fragments.Single(f => f.Id == "changes").Body);
    }

    [Fact]
    public void A_page_whose_headings_are_lines_in_capitals_is_one_notice_with_a_section_at_each()
    {
        // Refused before: "No section headings were found".
        var text = "PRIVACY POLICY\n\nGreenleaf runs the patient portal.\n\nINFORMATION WE COLLECT\n\nYour name and\ninsurance details.\n\n"
            + "HOW WE USE IT\n\nWe use it to:\n- schedule appointments;\n- send reminders.\n\nCONTACT US\n\nGreenleaf\nPrivacy Officer\n77 Elm Street\n";

        var page = TextPageReader.Read("policy.txt", text);

        var notice = Assert.Single(page.Notices);
        Assert.Equal("PRIVACY POLICY", notice.Title);
        Assert.False(notice.Numbered);
        Assert.Equal(["Greenleaf runs the patient portal."], notice.Intro.Select(b => b.Markdown));
        Assert.Equal(["INFORMATION WE COLLECT", "HOW WE USE IT", "CONTACT US"], notice.Sections.Select(s => s.Title));
        Assert.Equal(["Your name and insurance details."], notice.Sections[0].Blocks.Select(b => b.Markdown));
        Assert.Equal(["We use it to:", "- schedule appointments;\n- send reminders."], notice.Sections[1].Blocks.Select(b => b.Markdown));
        Assert.Equal(["Greenleaf\\\nPrivacy Officer\\\n77 Elm Street"], notice.Sections[2].Blocks.Select(b => b.Markdown));
    }

    [Fact]
    public void A_line_in_capitals_inside_a_paragraph_or_address_is_not_a_heading()
    {
        var text = "Acme Privacy Notice\n\nINTRODUCTION\n\nWe respect your privacy.\n\nCONTACT\n\nWrite to:\nACME INC.\nPO BOX 12\n";

        var notice = Assert.Single(TextPageReader.Read("policy.txt", text).Notices);

        Assert.Equal("Acme Privacy Notice", notice.Title);
        Assert.Equal(["INTRODUCTION", "CONTACT"], notice.Sections.Select(s => s.Title));
        Assert.Equal(["Write to:\\\nACME INC.\\\nPO BOX 12"], notice.Sections[1].Blocks.Select(b => b.Markdown));
    }
}
