using SupportBot.Transcripts.Verification;

namespace SupportBot.Tests.Transcripts;

public class VerificationVolatileTokensTests
{
    [Theory]
    [InlineData("Escalation #12 sent to **escalation-lead** (urgent).", "Escalation #3 sent to **escalation-lead** (urgent).")]
    [InlineData("Sent your answer to the lead on escalation #7.", "Sent your answer to the lead on escalation #1234.")]
    [InlineData("**ESCALATION #9: Device check**", "**ESCALATION #10: Device check**")]
    public void Escalation_numbers_read_the_same_whatever_their_digits(string recorded, string replayed) =>
        Assert.Equal(VolatileTokens.Normalize(recorded), VolatileTokens.Normalize(replayed));

    [Theory]
    [InlineData("Order #12345 arrived short.")]
    [InlineData("Ticket 4321, case #88, escalation 12 without a hash.")]
    [InlineData("Pre-escalation #5 of the form.")]
    public void Other_numbers_are_kept_as_they_are(string text) =>
        Assert.Equal(text, VolatileTokens.Normalize(text));

    [Fact]
    public void Line_endings_count_as_one()
    {
        Assert.Equal("a\nb\nc", VolatileTokens.Normalize("a\r\nb\rc"));
    }
}
