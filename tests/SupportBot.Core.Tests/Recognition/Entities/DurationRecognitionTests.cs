using SupportBot.Recognition.Entities;

namespace SupportBot.Tests.Recognition.Entities;

public class DurationRecognitionTests
{
    [Theory]
    [InlineData("3 months of billing", "P3M")]
    [InlineData("offline for 2 weeks", "P2W")]
    [InlineData("a 3-month plan", "P3M")]
    [InlineData("clips are 30 sec", "PT30S")]
    [InlineData("waited 45 min", "PT45M")]
    [InlineData("charging for 2hrs", "PT2H")]
    [InlineData("1.5 hours on hold", "PT1.5H")]
    [InlineData("paid for 1 year", "P1Y")]
    [InlineData("battery lasted 10d", "P10D")]
    [InlineData("for a week now", "P1W")]
    [InlineData("a couple of days", "P2D")]
    [InlineData("six months", "P6M")]
    public void Duration_IsAnIso8601Duration(string text, string expected) =>
        Assert.Equal([expected], Recognize.Values(EntityKind.Duration, text));

    [Fact]
    public void Duration_CarriesCountAndUnit()
    {
        var duration = Recognize.One(EntityKind.Duration, "3 months of billing");
        Assert.Equal((3m, "months"), (duration.Amount, duration.Unit));
    }

    [Theory]
    [InlineData("3 days ago")]
    [InlineData("in 2 weeks")]
    public void Duration_GivesWayToARelativeDate(string text) =>
        Assert.Equal(EntityKind.Date, Assert.Single(Recognize.All(text)).Kind);

    [Theory]
    [InlineData("uploads once a day")]
    [InlineData("3 cameras")]
    [InlineData("monthly billing")]
    public void Duration_NeedsACountAndAUnit(string text) =>
        Assert.Empty(Recognize.Of(EntityKind.Duration, text));
}
