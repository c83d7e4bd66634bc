using SupportBot.Recognition.Entities;

namespace SupportBot.Tests.Recognition.Entities;

public class SerialNumberRecognitionTests
{
    [Theory]
    [InlineData("FW 2.800.0000000.13.R on the nvr, sn 7J04A2BPAZ12345", "7J04A2BPAZ12345")]
    [InlineData("s/n 7j04a2bpaz12345", "7J04A2BPAZ12345")]
    [InlineData("serial: ABCD1234EFGH", "ABCD1234EFGH")]
    [InlineData("serial number is 12345678", "12345678")]
    [InlineData("serial no. X1Y2Z3W4", "X1Y2Z3W4")]
    [InlineData("SN#RVL0012345", "RVL0012345")]
    public void SerialNumber_IsFoundAfterASerialCueAndUpperCased(string text, string expected) =>
        Assert.Equal([expected], Recognize.Values(EntityKind.SerialNumber, text));

    [Fact]
    public void SerialNumber_TextIsAsTyped() =>
        Assert.Equal("7j04a2bpaz12345", Recognize.One(EntityKind.SerialNumber, "s/n 7j04a2bpaz12345").Text);

    [Theory]
    [InlineData("serial number unreadable")]
    [InlineData("sn 1234567")]
    [InlineData("sn 1234567890123456789012")]
    [InlineData("7J04A2BPAZ12345")]
    [InlineData("the serial is on the back")]
    public void SerialNumber_NeedsACueAndEightToTwentyCharactersWithADigit(string text) =>
        Assert.Empty(Recognize.Of(EntityKind.SerialNumber, text));

    [Fact]
    public void SerialNumber_CueWinsOverPhoneShape() =>
        Assert.Equal(EntityKind.SerialNumber, Assert.Single(Recognize.All("sn 2015550142")).Kind);
}
