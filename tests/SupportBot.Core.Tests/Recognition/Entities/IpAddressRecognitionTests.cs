using SupportBot.Recognition.Entities;

namespace SupportBot.Tests.Recognition.Entities;

public class IpAddressRecognitionTests
{
    [Theory]
    [InlineData("wan ip 203.0.113.7 http port 8080", "203.0.113.7")]
    [InlineData("nvr at 192.168.001.108", "192.168.1.108")]
    [InlineData("ping 192.0.2.1.", "192.0.2.1")]
    [InlineData("http://198.51.100.23:8080/live", "198.51.100.23")]
    public void IpAddress_IsCanonical(string text, string expected) =>
        Assert.Equal([expected], Recognize.Values(EntityKind.IpAddress, text));

    [Theory]
    [InlineData("203.0.113.7", IpScope.Public)]
    [InlineData("192.168.1.108", IpScope.Private)]
    [InlineData("10.0.0.20", IpScope.Private)]
    [InlineData("172.20.1.5", IpScope.Private)]
    [InlineData("127.0.0.1", IpScope.Loopback)]
    [InlineData("169.254.3.4", IpScope.LinkLocal)]
    [InlineData("100.72.1.5", IpScope.CarrierGradeNat)]
    [InlineData("255.255.255.255", IpScope.Reserved)]
    public void IpAddress_ScopeSaysWhetherItIsPrivate(string text, IpScope expected) =>
        Assert.Equal(expected, Recognize.One(EntityKind.IpAddress, text).Scope);

    [Theory]
    [InlineData("wan ip 203.0.113.7", "wan")]
    [InlineData("public ip is 203.0.113.7", "wan")]
    [InlineData("lan ip: 192.168.1.20", "lan")]
    [InlineData("local address 192.168.1.20", "lan")]
    [InlineData("gateway 192.168.1.1", "gateway")]
    public void IpAddress_IsLabelledWhenTheTextSaysWhichSide(string text, string expected) =>
        Assert.Equal(expected, Recognize.One(EntityKind.IpAddress, text).Label);

    [Fact]
    public void IpAddress_IsUnlabelledWhenTheTextDoesNotSay() =>
        Assert.Null(Recognize.One(EntityKind.IpAddress, "try 203.0.113.7").Label);

    [Theory]
    [InlineData("999.1.1.1")]
    [InlineData("10.0.0.256")]
    [InlineData("192.168.1.1.5")]
    [InlineData("1.2.3")]
    [InlineData("fw 2.800.0000000.13.R")]
    [InlineData("mac 00:11:22:33:44:55")]
    public void IpAddress_IsNotFoundWithoutFourPartsOfAtMost255(string text) =>
        Assert.Empty(Recognize.Of(EntityKind.IpAddress, text));
}
