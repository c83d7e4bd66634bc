using SupportBot.Recognition.Entities;

namespace SupportBot.Tests.Recognition.Entities;

public class TicketNumberRecognitionTests
{
    [Theory]
    [InlineData("see ticket 12345 for history", "12345")]
    [InlineData("case #4321 was closed by mistake", "4321")]
    [InlineData("tkt#44556", "44556")]
    [InlineData("ticket number is 778899", "778899")]
    [InlineData("Case: 1234", "1234")]
    [InlineData("escalated under ticket #123456789", "123456789")]
    [InlineData("dupe of #4321", "4321")]
    public void TicketNumber_IsFoundAfterATicketCue(string text, string expected) =>
        Assert.Equal([expected], Recognize.Values(EntityKind.TicketNumber, text));

    [Theory]
    [InlineData("ticket 123")]
    [InlineData("#3")]
    [InlineData("just in case the camera resets")]
    [InlineData("case 4/20/26")]
    [InlineData("ticket 2026-04-20")]
    public void TicketNumber_NeedsFourOrMoreDigitsStandingAlone(string text) =>
        Assert.Empty(Recognize.Of(EntityKind.TicketNumber, text));

    [Fact]
    public void TicketNumber_LongBareHashIsAnOrderUnlessTheBotAskedForATicket() =>
        Assert.Equal(["123456"], Recognize.Values(EntityKind.TicketNumber, "#123456", Recognize.Context with { Expecting = EntityKind.TicketNumber }));

    [Fact]
    public void TicketNumber_CueWinsOverTheOrderReadingOfALongHash() =>
        Assert.Equal(EntityKind.TicketNumber, Assert.Single(Recognize.All("ticket #123456")).Kind);
}
