using SupportBot.Recognition.Entities;

namespace SupportBot.Tests.Recognition.Entities;

/// <summary>Relative dates are resolved against Wednesday 2026-11-25 in UTC.</summary>
public class DateRecognitionTests
{
    [Theory]
    [InlineData("stopped working today", "2026-11-25")]
    [InlineData("went offline yesterday", "2026-11-24")]
    [InlineData("last night it went dark", "2026-11-24")]
    [InlineData("tech visit tomorrow", "2026-11-26")]
    [InlineData("the day before yesterday", "2026-11-23")]
    [InlineData("day after tomorrow", "2026-11-27")]
    [InlineData("refund of $49.99 last tuesday", "2026-11-24")]
    [InlineData("last wednesday", "2026-11-18")]
    [InlineData("next tuesday", "2026-12-01")]
    [InlineData("next wednesday", "2026-12-02")]
    [InlineData("this friday", "2026-11-27")]
    [InlineData("this monday", "2026-11-23")]
    [InlineData("3 days ago", "2026-11-22")]
    [InlineData("two weeks ago", "2026-11-11")]
    [InlineData("a month ago", "2026-10-25")]
    [InlineData("in 2 weeks", "2026-12-09")]
    [InlineData("5 days from now", "2026-11-30")]
    [InlineData("last week", "2026-W47")]
    [InlineData("this week", "2026-W48")]
    [InlineData("this month", "2026-11")]
    [InlineData("next month", "2026-12")]
    [InlineData("last year", "2025")]
    public void Date_RelativeIsResolvedAgainstTheReference(string text, string expected) =>
        Assert.Equal([expected], Recognize.Values(EntityKind.Date, text));

    [Theory]
    [InlineData("bought 4/20/26", "2026-04-20")]
    [InlineData("bought 4/20/2026", "2026-04-20")]
    [InlineData("bought 2026-04-20", "2026-04-20")]
    [InlineData("bought 2026/04/20", "2026-04-20")]
    [InlineData("bought 4-20-2026", "2026-04-20")]
    [InlineData("bought April 20", "2026-04-20")]
    [InlineData("bought apr 20th, 2026", "2026-04-20")]
    [InlineData("bought 20 Apr 2026", "2026-04-20")]
    [InlineData("bought on the 20th of April", "2026-04-20")]
    [InlineData("bought 4/20", "2026-04-20")]
    [InlineData("warranty ends Feb 29 2028", "2028-02-29")]
    [InlineData("since April 2026", "2026-04")]
    public void Date_AbsoluteIsIso8601(string text, string expected) =>
        Assert.Equal([expected], Recognize.Values(EntityKind.Date, text));

    [Theory]
    [InlineData("Dec 3", "2026-12-03")]
    [InlineData("Dec 30", "2025-12-30")]
    [InlineData("Jan 5", "2026-01-05")]
    public void Date_WithoutYearIsAtMostAMonthAhead(string text, string expected) =>
        Assert.Equal([expected], Recognize.Values(EntityKind.Date, text));

    [Fact]
    public void Date_TodayIsTheCalendarDayInTheContextTimeZone()
    {
        var newYork = TimeZoneInfo.CreateCustomTimeZone("test-5", TimeSpan.FromHours(-5), "UTC-5", "UTC-5");
        var lateEvening = new EntityContext(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero), newYork);
        Assert.Equal(["2026-11-25"], Recognize.Values(EntityKind.Date, "today", lateEvening));
    }

    [Fact]
    public void Date_WithoutTimeZoneUsesTheReferenceOffset()
    {
        var lateEvening = new EntityContext(new DateTimeOffset(2026, 11, 25, 22, 0, 0, TimeSpan.FromHours(-5)));
        Assert.Equal(["2026-11-26"], Recognize.Values(EntityKind.Date, "tomorrow", lateEvening));
    }

    [Theory]
    [InlineData("support is 24/7")]
    [InlineData("2/30")]
    [InlineData("13/13/2026")]
    [InlineData("2026-04/20")]
    [InlineData("on tuesday")]
    [InlineData("it may 2 days")]
    [InlineData("wan ip 203.0.113.7")]
    [InlineData("fw 2.800.0000000.13.R")]
    [InlineData("order 100-2000-3000")]
    [InlineData("ports 80/443")]
    public void Date_IsNotFoundInOtherText(string text) =>
        Assert.Empty(Recognize.Of(EntityKind.Date, text));
}
