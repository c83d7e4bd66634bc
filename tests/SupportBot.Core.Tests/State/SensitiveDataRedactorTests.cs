using SupportBot.State;

namespace SupportBot.Tests.State;

public class SensitiveDataRedactorTests
{
    private readonly SensitiveDataRedactor _redactor = new();

    [Theory]
    [InlineData("card 4111111111111111", "card [card ending 1111]")]
    [InlineData("card 4111 1111 1111 1111", "card [card ending 1111]")]
    [InlineData("card 4111-1111-1111-1111 exp 12/29", "card [card ending 1111] exp 12/29")]
    [InlineData("amex 378282246310005", "amex [card ending 0005]")]
    public void ValidCardNumbers_KeepOnlyTheLastFour(string input, string expected) =>
        Assert.Equal(expected, _redactor.Redact(input));

    [Theory]
    [InlineData("order 4111111111111112")]
    [InlineData("order 100-2000-3000")]
    [InlineData("call 555 0100")]
    public void NumbersThatFailTheLuhnCheck_AreKept(string input) =>
        Assert.Equal(input, _redactor.Redact(input));

    [Theory]
    [InlineData("password: hunter2", "password: [redacted]")]
    [InlineData("api key = abc123", "api key = [redacted]")]
    [InlineData("their token is xyz", "their token is [redacted]")]
    public void Secrets_AreRedacted(string input, string expected) =>
        Assert.Equal(expected, _redactor.Redact(input));

    [Fact]
    public void CardNumbersInsideACardSubmitValue_AreRedacted()
    {
        var activity = new SupportBot.Activities.Activity
        {
            Value = System.Text.Json.Nodes.JsonNode.Parse("""{"note":"card 4111111111111111","n":[ "5555555555554444" ]}"""),
        };
        var redacted = _redactor.Redact(activity);
        Assert.Equal("""{"note":"card [card ending 1111]","n":["[card ending 4444]"]}""", redacted.Value!.ToJsonString());
        Assert.Contains("4111111111111111", activity.Value!.ToJsonString());
    }
}
