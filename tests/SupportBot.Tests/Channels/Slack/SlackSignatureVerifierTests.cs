using System.Text;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Host.Channels.Slack;

namespace SupportBot.Tests.Channels.Slack;

public sealed class SlackSignatureVerifierTests
{
    // Slack's published worked example ("Verifying requests from Slack").
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
        "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com" +
        "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private const string ChallengeBody = """{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";

    private static SlackSignatureVerifier At(long unixSeconds) =>
        new(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Slacks_worked_example_verifies()
    {
        Assert.Equal(362, Bytes(Body).Length);
        Assert.Null(At(1531420618).Verify(Secret, Timestamp, Signature, Bytes(Body)));
    }

    [Fact]
    public void Json_vector_verifies_and_a_trailing_newline_does_not()
    {
        var verifier = At(1531420618);
        Assert.Null(verifier.Verify(Secret, Timestamp, "v0=31c4d19d16d8abc077240e904755d16d484f41140dfc80e5828ffa5470eb62ed", Bytes(ChallengeBody)));
        Assert.NotNull(verifier.Verify(Secret, Timestamp, "v0=31c4d19d16d8abc077240e904755d16d484f41140dfc80e5828ffa5470eb62ed", Bytes(ChallengeBody + "\n")));
        Assert.Null(verifier.Verify(Secret, Timestamp, "v0=2137ba1188bad283e4f0f3390b62b75425f421cb008839c4634b391706ae49c6", Bytes(ChallengeBody + "\n")));
    }

    [Theory]
    [InlineData("v0=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57")]
    public void Bad_signatures_are_refused(string signature) =>
        Assert.NotNull(At(1531420618).Verify(Secret, Timestamp, signature, Bytes(Body)));

    [Fact]
    public void A_tampered_body_is_refused() =>
        Assert.NotNull(At(1531420618).Verify(Secret, Timestamp, Signature, Bytes(Body.Replace("foobar", "foobaz", StringComparison.Ordinal))));

    [Theory]
    [InlineData(1531420618 + 301)]
    [InlineData(1531420618 - 301)]
    public void Stale_or_future_timestamps_are_refused(long now) =>
        Assert.Contains("5 minutes", At(now).Verify(Secret, Timestamp, Signature, Bytes(Body)));

    [Theory]
    [InlineData(1531420618 + 300)]
    [InlineData(1531420618 - 300)]
    public void Timestamps_at_the_edge_of_the_window_are_accepted(long now) =>
        Assert.Null(At(now).Verify(Secret, Timestamp, Signature, Bytes(Body)));

    [Theory]
    [InlineData(null, Signature)]
    [InlineData("", Signature)]
    [InlineData(Timestamp, null)]
    [InlineData(Timestamp, "")]
    [InlineData("15314206x8", Signature)]
    public void Missing_or_malformed_headers_are_refused(string? timestamp, string? signature) =>
        Assert.NotNull(At(1531420618).Verify(Secret, timestamp, signature, Bytes(Body)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_empty_secret_fails_closed(string? secret) =>
        Assert.NotNull(At(1531420618).Verify(secret, Timestamp, Signature, Bytes(Body)));
}
