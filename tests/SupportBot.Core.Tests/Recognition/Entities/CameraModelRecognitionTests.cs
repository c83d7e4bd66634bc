using SupportBot.Recognition.Entities;

namespace SupportBot.Tests.Recognition.Entities;

public class CameraModelRecognitionTests
{
    [Theory]
    [InlineData("cx has a Reveal SK", "Reveal SK")]
    [InlineData("revealxb on a tree", "Reveal XB")]
    [InlineData("its the xpro", "Reveal X-Pro")]
    [InlineData("x pro not sending pics", "Reveal X-Pro")]
    [InlineData("reveal x-pro", "Reveal X-Pro")]
    [InlineData("Reveal-X-Pro", "Reveal X-Pro")]
    [InlineData("reveal 3.0", "Reveal 3.0")]
    [InlineData("reveal 3.0 pro", "Reveal 3.0 Pro")]
    [InlineData("REVEAL ULTRA!!", "Reveal Ultra")]
    [InlineData("defend guardian", "Defend Guardian")]
    [InlineData("cx has a defend360", "Defend 360")]
    [InlineData("long-time gen 1 customer", "Gen 1")]
    [InlineData("first gen cams", "Gen 1")]
    public void CameraModel_NamedLineIsCanonical(string text, string expected) =>
        Assert.Equal([expected], Recognize.Values(EntityKind.CameraModel, text));

    [Theory]
    [InlineData("DSS4004 keeps rebooting", "DSS4004")]
    [InlineData("dss 7016", "DSS7016")]
    [InlineData("dss4004s2", "DSS4004S2")]
    [InlineData("DSS7016 S2", "DSS7016-S2")]
    [InlineData("on dss express", "DSS Express")]
    [InlineData("IPC-HDW1234 on the porch", "IPC-HDW1234")]
    [InlineData("ipc hdw1234", "IPC-HDW1234")]
    [InlineData("ipchdw1234", "IPC-HDW1234")]
    [InlineData("nvr4208-8p", "NVR4208-8P")]
    [InlineData("NVR4208-8P", "NVR4208-8P")]
    [InlineData("XVR5108HS", "XVR5108HS")]
    public void CameraModel_RecorderAndCameraCodesAreUpperCaseWithFamilyHyphen(string text, string expected) =>
        Assert.Equal([expected], Recognize.Values(EntityKind.CameraModel, text));

    [Fact]
    public void CameraModel_SeveralInOneMessageKeepTheirOrder() =>
        Assert.Equal(["Reveal Ultra", "Defend 360"], Recognize.Values(EntityKind.CameraModel, "swapped the reveal ultra for a defend 360"));

    [Fact]
    public void CameraModel_PluralIsTheModel() =>
        Assert.Equal(["Reveal Ultra", "Defend 360"], Recognize.Values(EntityKind.CameraModel, "has 2 reveal ultras and 3 defend 360s"));

    [Theory]
    [InlineData("FW 2.800.0000000.13.R on the nvr")]
    [InlineData("dvr 1080p recording")]
    [InlineData("the reveal app shows a red banner")]
    [InlineData("defend app")]
    [InlineData("max pro plan")]
    [InlineData("sd card 128gb")]
    public void CameraModel_IsNotFoundWithoutAModel(string text) =>
        Assert.Empty(Recognize.Of(EntityKind.CameraModel, text));
}
