using SupportBot.Recognition.Entities;

namespace SupportBot.Tests.Recognition.Entities;

public class EmailRecognitionTests
{
    [Theory]
    [InlineData("email sam@example.com", "sam@example.com")]
    [InlineData("new email is Sam.Rivera@Example.COM.", "sam.rivera@example.com")]
    [InlineData("(sam+cams@example.org)", "sam+cams@example.org")]
    [InlineData("send to j.doe@support.example.co.uk, thanks", "j.doe@support.example.co.uk")]
    public void Email_IsFoundAndLowerCased(string text, string expected) =>
        Assert.Equal([expected], Recognize.Values(EntityKind.Email, text));

    [Fact]
    public void Email_TextIsAsTyped() =>
        Assert.Equal("Sam@Example.com", Recognize.One(EntityKind.Email, "email Sam@Example.com").Text);

    [Theory]
    [InlineData("cx @ the store")]
    [InlineData("sam@localhost")]
    [InlineData("email is sam at example dot com")]
    [InlineData("@sam can you check")]
    public void Email_IsNotFoundWithoutAFullAddress(string text) =>
        Assert.Empty(Recognize.Of(EntityKind.Email, text));

    [Fact]
    public void Email_DigitsInsideAnAddressAreNothingElse() =>
        Assert.Equal(EntityKind.Email, Assert.Single(Recognize.All("sam5550100@example.com")).Kind);
}
