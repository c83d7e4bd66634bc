using SupportBot.Recognition.Entities;

namespace SupportBot.Tests.Recognition.Entities;

public class EntityRecognizerTests
{
    [Fact]
    public void Recognize_FindsEveryKindInAMessyNote()
    {
        var kinds = Recognize.All("cx order 100-2000-3000, email sam@example.com, 555-0100").Select(e => e.Kind);
        Assert.Equal([EntityKind.OrderNumber, EntityKind.Email, EntityKind.Phone], kinds);
    }

    [Fact]
    public void Recognize_FindsDeviceDetails()
    {
        var kinds = Recognize.All("FW 2.800.0000000.13.R on the DSS7016, sn 7J04A2BPAZ12345").Select(e => e.Kind);
        Assert.Equal([EntityKind.FirmwareVersion, EntityKind.CameraModel, EntityKind.SerialNumber], kinds);
    }

    [Fact]
    public void Recognize_FindsNetworkDetails()
    {
        var kinds = Recognize.All("wan ip 203.0.113.7 http port 8080").Select(e => e.Kind);
        Assert.Equal([EntityKind.IpAddress, EntityKind.Port], kinds);
    }

    [Fact]
    public void Recognize_FindsMoneyAndDate()
    {
        var kinds = Recognize.All("refund of $49.99 last tuesday").Select(e => e.Kind);
        Assert.Equal([EntityKind.Money, EntityKind.Date], kinds);
    }

    [Fact]
    public void Recognize_SpanPointsAtTheTypedText()
    {
        const string text = "refund of $49.99 last tuesday";
        Assert.All(Recognize.All(text), e => Assert.Equal(e.Text, text.Substring(e.Start, e.Length)));
    }

    [Fact]
    public void Recognize_ReturnsNoOverlappingEntities()
    {
        var entities = Recognize.All("order #123456 ticket #4321 call 201-555-0142 on 4/20/26 for 3 days ago fw 10.0.0.1 at 192.0.2.10:8080");
        Assert.All(entities.Zip(entities.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("cx is upset and wants a supervisor")]
    public void Recognize_ReturnsNothingWhenThereIsNothing(string text) =>
        Assert.Empty(Recognize.All(text));

    [Fact]
    public void Recognize_FallsBackToUsWhenRegionIsBlank() =>
        Assert.Equal(["+12015550142"], Recognize.Values(EntityKind.Phone, "201-555-0142", Recognize.Context with { DefaultRegion = "" }));

    [Fact]
    public void Recognize_RequiresAContext() =>
        Assert.Throws<ArgumentNullException>(() => EntityRecognizer.Default.Recognize("today", null!));
}
