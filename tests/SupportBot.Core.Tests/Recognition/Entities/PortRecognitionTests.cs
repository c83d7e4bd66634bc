using SupportBot.Recognition.Entities;

namespace SupportBot.Tests.Recognition.Entities;

public class PortRecognitionTests
{
    [Theory]
    [InlineData("wan ip 203.0.113.7 http port 8080", "8080")]
    [InlineData("port 554", "554")]
    [InlineData("TCP port: 37777", "37777")]
    [InlineData("port forwarded 8000 on the router", "8000")]
    [InlineData("port is 9000", "9000")]
    [InlineData("192.168.1.108:37777", "37777")]
    [InlineData("37777/tcp", "37777")]
    public void Port_IsFoundAfterAPortCueOrAColon(string text, string expected) =>
        Assert.Equal([expected], Recognize.Values(EntityKind.Port, text));

    [Theory]
    [InlineData("http port 8080", "http")]
    [InlineData("HTTPS port 443", "https")]
    [InlineData("tcp port 37777", "tcp")]
    [InlineData("rtsp port 554", "rtsp")]
    [InlineData("37777/udp", "udp")]
    [InlineData("http://198.51.100.23:8080/live", "http")]
    public void Port_KeepsTheProtocolLabel(string text, string expected) =>
        Assert.Equal(expected, Recognize.One(EntityKind.Port, text).Label);

    [Fact]
    public void Port_ListAfterPortsYieldsEachPort() =>
        Assert.Equal(["80", "443", "554"], Recognize.Values(EntityKind.Port, "opened ports 80, 443 and 554"));

    [Fact]
    public void Port_ListAfterASingularPortYieldsEachPort() =>
        Assert.Equal(["80", "443"], Recognize.Values(EntityKind.Port, "tried port 80 and 443, both blocked"));

    [Theory]
    [InlineData("port 8080 and 10 cameras")]
    [InlineData("port 8080 and 3 days later")]
    public void Port_ListStopsAtACountOfSomethingElse(string text) =>
        Assert.Equal(["8080"], Recognize.Values(EntityKind.Port, text));

    [Theory]
    [InlineData("port forwarding is set up")]
    [InlineData("port forwarding for 192.168.1.108")]
    [InlineData("port 0")]
    [InlineData("port 70000")]
    [InlineData("8080")]
    [InlineData("the usb port 2 is loose")]
    [InlineData("cam is on poe port 12 of the nvr")]
    [InlineData("plugged into lan port 3")]
    public void Port_NeedsACueAndANumberFrom1To65535(string text) =>
        Assert.Empty(Recognize.Of(EntityKind.Port, text));
}
