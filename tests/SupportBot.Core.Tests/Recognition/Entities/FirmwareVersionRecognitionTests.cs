using SupportBot.Recognition.Entities;

namespace SupportBot.Tests.Recognition.Entities;

public class FirmwareVersionRecognitionTests
{
    [Theory]
    [InlineData("FW 2.800.0000000.13.R on the nvr", "2.800.0000000.13.R")]
    [InlineData("firmware 1.2.3", "1.2.3")]
    [InlineData("firmware version is v4.10", "4.10")]
    [InlineData("fw: 3.1.7", "3.1.7")]
    [InlineData("on v4.10 now", "4.10")]
    [InlineData("version 2.0.1b", "2.0.1b")]
    [InlineData("fw is on 1.0.12", "1.0.12")]
    public void FirmwareVersion_IsFoundAfterAVersionCue(string text, string expected) =>
        Assert.Equal([expected], Recognize.Values(EntityKind.FirmwareVersion, text));

    [Fact]
    public void FirmwareVersion_TextKeepsATypedV() =>
        Assert.Equal("v4.10", Recognize.One(EntityKind.FirmwareVersion, "fw v4.10").Text);

    [Fact]
    public void FirmwareVersion_IsNotAnIpAddress() =>
        Assert.Empty(Recognize.Of(EntityKind.IpAddress, "FW 2.800.0000000.13.R"));

    [Fact]
    public void FirmwareVersion_CueWinsOverIpShape() =>
        Assert.Equal(EntityKind.FirmwareVersion, Assert.Single(Recognize.All("firmware 10.0.0.1")).Kind);

    [Theory]
    [InlineData("1.2.3 cameras")]
    [InlineData("firmware is current")]
    [InlineData("update the fw")]
    [InlineData("v2")]
    [InlineData("server 1.2.3")]
    public void FirmwareVersion_NeedsACueAndADottedNumber(string text) =>
        Assert.Empty(Recognize.Of(EntityKind.FirmwareVersion, text));
}
