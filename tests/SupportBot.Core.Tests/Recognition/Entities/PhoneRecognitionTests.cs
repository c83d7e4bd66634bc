using SupportBot.Recognition.Entities;

namespace SupportBot.Tests.Recognition.Entities;

public class PhoneRecognitionTests
{
    [Theory]
    [InlineData("call back at (555) 010-0000", "+15550100000")]
    [InlineData("cb# 201-555-0123 after 5", "+12015550123")]
    [InlineData("cell is 201.555.0199", "+12015550199")]
    [InlineData("+1 201 555 0142", "+12015550142")]
    [InlineData("1-201-555-0142", "+12015550142")]
    [InlineData("2015550142", "+12015550142")]
    [InlineData("uk number +44 20 7946 0958", "+442079460958")]
    public void Phone_IsNormalisedToE164(string text, string expected) =>
        Assert.Equal([expected], Recognize.Values(EntityKind.Phone, text));

    [Fact]
    public void Phone_WithoutAreaCodeKeepsItsLocalDigits() =>
        Assert.Equal("5550100", Recognize.One(EntityKind.Phone, "cx order 100-2000-3000, email sam@example.com, 555-0100").Value);

    [Fact]
    public void Phone_WithoutAreaCodeIsLabelledLocal() =>
        Assert.Equal("local", Recognize.One(EntityKind.Phone, "555-0100").Label);

    [Fact]
    public void Phone_ExtensionIsKeptInTheValue() =>
        Assert.Equal("+12015550142;ext=12", Recognize.One(EntityKind.Phone, "201-555-0142 x12").Value);

    [Fact]
    public void Phone_UsesTheContextRegion() =>
        Assert.Equal(["+442079460958"], Recognize.Values(EntityKind.Phone, "020 7946 0958", Recognize.Context with { DefaultRegion = "GB" }));

    [Theory]
    [InlineData("order 100-2000-3000")]
    [InlineData("order 5551234567")]
    [InlineData("ticket 5550100")]
    [InlineData("sn 7J04A2BPAZ12345")]
    [InlineData("ip 203.0.113.7")]
    [InlineData("fw 2.800.0000000.13.R")]
    [InlineData("bought 2026-04-20")]
    [InlineData("charged $555.01")]
    [InlineData("#5550100")]
    [InlineData("3 cameras, 2 offline")]
    [InlineData("555-01")]
    [InlineData("ref 0123 456 7890")]
    public void Phone_IsNotFoundInOtherValues(string text) =>
        Assert.Empty(Recognize.Of(EntityKind.Phone, text));
}
