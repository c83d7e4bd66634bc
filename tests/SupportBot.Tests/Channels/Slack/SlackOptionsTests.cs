using SupportBot.Host.Channels.Slack;

namespace SupportBot.Tests.Channels.Slack;

public sealed class SlackOptionsTests
{
    private static string? Failure(SlackOptions options) => new SlackOptionsValidator().Validate(null, options).FailureMessage;

    [Fact]
    public void Unset_is_valid_and_disabled()
    {
        var options = new SlackOptions();
        Assert.False(options.Enabled);
        Assert.Null(Failure(options));
    }

    [Fact]
    public void A_signing_secret_needs_a_bot_token() =>
        Assert.Contains("Slack:BotToken", Failure(new SlackOptions { SigningSecret = "s" }));

    [Theory]
    [InlineData("http://slack.example/api/")]
    [InlineData("ftp://127.0.0.1/api/")]
    [InlineData("not a url")]
    public void Api_base_url_must_be_https_or_loopback_http(string url) =>
        Assert.Contains("Slack:ApiBaseUrl", Failure(new SlackOptions { ApiBaseUrl = url }));

    [Theory]
    [InlineData("http://127.0.0.1:5000/api/")]
    [InlineData("http://localhost:5000/api/")]
    [InlineData("https://slack.com/api/")]
    public void Accepted_api_base_urls(string url) =>
        Assert.Null(Failure(new SlackOptions { SigningSecret = "s", BotToken = "xoxb-x", ApiBaseUrl = url }));
}
