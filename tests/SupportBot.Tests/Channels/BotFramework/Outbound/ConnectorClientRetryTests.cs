using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using SupportBot.Host.Channels.BotFramework;
using SupportBot.Host.Channels.BotFramework.Outbound;

namespace SupportBot.Tests.Channels.BotFramework.Outbound;

public sealed class ConnectorClientRetryTests
{
    private static Task<SupportBot.Activities.ResourceResponse?> Send(OutboundHarness h, string text = "hello") =>
        h.Client.SendToConversationAsync(h.ServiceUrl, OutboundHarness.Conversation, OutboundHarness.Message(text));

    [Fact]
    public async Task AConnector401RefreshesTheTokenOnceAndRetries()
    {
        await using var h = await OutboundHarness.StartAsync();
        Assert.Equal("token-1", await h.Tokens.GetTokenAsync(default));
        h.Connector.RejectedTokens["token-1"] = true;

        var result = await Send(h);

        Assert.NotNull(result);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], h.Connector.Requests.Select(r => r.Authorization));
        Assert.Equal(2, h.TokenEndpoint.Requests.Count);
        Assert.False(h.Clock.HasPendingTimer);
    }

    [Fact]
    public async Task ASecond401IsNotRetriedAgain()
    {
        await using var h = await OutboundHarness.StartAsync();
        h.Connector.RejectedTokens["token-1"] = true;
        h.Connector.RejectedTokens["token-2"] = true;

        var e = await Assert.ThrowsAsync<ConnectorException>(() => Send(h));

        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Equal("BotNotRegistered", e.ErrorCode);
        Assert.Equal(2, h.Connector.Requests.Count);
        Assert.Equal(2, h.TokenEndpoint.Requests.Count);
    }

    [Fact]
    public async Task A401WithoutATokenIsNotRetried()
    {
        await using var h = await OutboundHarness.StartAsync(anonymous: true);
        h.Connector.EnqueueError(401, "Unauthorized", "No token.");

        var e = await Assert.ThrowsAsync<ConnectorException>(() => Send(h));

        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Single(h.Connector.Requests);
    }

    [Fact]
    public async Task A429WithRetryAfterWaitsThatLongThenSucceeds()
    {
        await using var h = await OutboundHarness.StartAsync();
        h.Connector.EnqueueError(429, "Throttled", "Too many requests.", retryAfter: "2");

        var sending = Send(h);
        var wait = await h.Clock.NextTimerAsync();

        Assert.Equal(TimeSpan.FromSeconds(2), wait);
        Assert.Single(h.Connector.Requests);
        h.Clock.Advance(TimeSpan.FromSeconds(1.9));
        await Task.Delay(50);
        Assert.False(sending.IsCompleted);
        Assert.Single(h.Connector.Requests);
        h.Clock.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal("activity-2", (await sending)!.Id);
        Assert.Equal(2, h.Connector.Requests.Count);
    }

    [Fact]
    public async Task ARetryAfterDateIsHonoured()
    {
        await using var h = await OutboundHarness.StartAsync();
        var at = h.Clock.GetUtcNow().AddSeconds(5).ToString("R", CultureInfo.InvariantCulture);
        h.Connector.EnqueueError(503, "ServiceUnavailable", "Busy.", retryAfter: at);

        var sending = Send(h);

        Assert.Equal(TimeSpan.FromSeconds(5), await h.Clock.NextTimerAsync());
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.NotNull(await sending);
    }

    [Fact]
    public async Task ALongRetryAfterIsCutToSixtySeconds()
    {
        await using var h = await OutboundHarness.StartAsync();
        h.Connector.EnqueueError(429, "Throttled", "Slow down.", retryAfter: "3600");

        var sending = Send(h);

        Assert.Equal(TimeSpan.FromSeconds(60), await h.Clock.NextTimerAsync());
        h.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.NotNull(await sending);
    }

    [Fact]
    public async Task A503IsRetriedWithBackoffThenGivesUpAfterThreeRetries()
    {
        await using var h = await OutboundHarness.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            h.Connector.EnqueueError(503, "ServiceUnavailable", "The service is busy.");
        }

        var sending = Send(h);
        var waits = new List<TimeSpan>();
        for (var retry = 1; retry <= 3; retry++)
        {
            waits.Add(await h.Clock.NextTimerAsync());
            Assert.Equal(retry, h.Connector.Requests.Count);
            h.Clock.Advance(waits[^1]);
        }

        var e = await Assert.ThrowsAsync<ConnectorException>(() => sending);

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], waits);
        Assert.Equal(4, h.Connector.Requests.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Equal(4, e.Attempts);
        Assert.Equal("ServiceUnavailable", e.ErrorCode);
        Assert.Contains("503 Service Unavailable", e.Message, StringComparison.Ordinal);
        Assert.Contains("The service is busy.", e.Message, StringComparison.Ordinal);
        Assert.Contains(OutboundHarness.Conversation, e.Message, StringComparison.Ordinal);
        Assert.False(h.Clock.HasPendingTimer);
    }

    [Theory]
    [InlineData(412, "PreconditionFailed")]
    [InlineData(502, "BadGateway")]
    [InlineData(504, "GatewayTimeout")]
    public async Task TransientStatusesAreRetried(int status, string code)
    {
        await using var h = await OutboundHarness.StartAsync();
        h.Connector.EnqueueError(status, code, "Try again.");

        var sending = Send(h);
        h.Clock.Advance(await h.Clock.NextTimerAsync());

        Assert.NotNull(await sending);
        Assert.Equal(2, h.Connector.Requests.Count);
    }

    [Theory]
    [InlineData(400, "BadArgument")]
    [InlineData(403, "ConversationBlockedByUser")]
    [InlineData(404, "ConversationNotFound")]
    [InlineData(413, "MessageSizeTooBig")]
    [InlineData(500, "InternalServerError")]
    public async Task OtherErrorsAreNotRetried(int status, string code)
    {
        await using var h = await OutboundHarness.StartAsync();
        h.Connector.EnqueueError(status, code, "Explained in plain words.");

        var e = await Assert.ThrowsAsync<ConnectorException>(() => Send(h));

        Assert.Single(h.Connector.Requests);
        Assert.False(h.Clock.HasPendingTimer);
        Assert.Equal(status, (int)e.StatusCode!);
        Assert.Equal(code, e.ErrorCode);
        Assert.Equal("Explained in plain words.", e.ErrorMessage);
        Assert.Equal("send", e.Operation);
        Assert.Equal(1, e.Attempts);
        Assert.Contains($"answered {status}", e.Message, StringComparison.Ordinal);
        Assert.Contains(code, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANonJsonErrorBodyIsQuotedInTheMessage()
    {
        await using var h = await OutboundHarness.StartAsync();
        h.Connector.Enqueue(400, "<html>bad\nrequest</html>");

        var e = await Assert.ThrowsAsync<ConnectorException>(() => Send(h));

        Assert.Null(e.ErrorCode);
        Assert.Equal("<html>bad request</html>", e.ErrorMessage);
    }

    [Fact]
    public async Task AnUnreachableConnectorIsAConnectorExceptionWithoutStatus()
    {
        await using var h = await OutboundHarness.StartAsync(anonymous: true);
        var closed = await FakeConnectorService.StartAsync();
        var url = closed.ServiceUrl;
        await closed.DisposeAsync();

        var e = await Assert.ThrowsAsync<ConnectorException>(() =>
            h.Client.SendToConversationAsync(url, OutboundHarness.Conversation, OutboundHarness.Message("hi")));

        Assert.Null(e.StatusCode);
        Assert.Contains("could not be reached", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BackoffDoublesWithTwentyPercentJitterAndIsCapped()
    {
        var options = new ConnectorClientOptions { NextRandom = () => 0.0 };
        Assert.Equal(TimeSpan.FromSeconds(0.8), ConnectorClient.RetryDelay(options, null, DateTimeOffset.UnixEpoch, 0));
        Assert.Equal(TimeSpan.FromSeconds(3.2), ConnectorClient.RetryDelay(options, null, DateTimeOffset.UnixEpoch, 2));

        options.NextRandom = () => 1.0;
        Assert.Equal(TimeSpan.FromSeconds(1.2), ConnectorClient.RetryDelay(options, null, DateTimeOffset.UnixEpoch, 0));
        Assert.Equal(TimeSpan.FromSeconds(30), ConnectorClient.RetryDelay(options, null, DateTimeOffset.UnixEpoch, 10));

        options.NextRandom = Random.Shared.NextDouble;
        for (var i = 0; i < 200; i++)
        {
            var delay = ConnectorClient.RetryDelay(options, null, DateTimeOffset.UnixEpoch, 1);
            Assert.InRange(delay, TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.4));
        }
    }

    [Fact]
    public void RetryAfterWinsOverBackoffAndIsClamped()
    {
        var options = new ConnectorClientOptions();
        var now = new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(7), ConnectorClient.RetryDelay(options, new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), now, 2));
        Assert.Equal(TimeSpan.Zero, ConnectorClient.RetryDelay(options, new RetryConditionHeaderValue(now.AddSeconds(-3)), now, 0));
        Assert.Equal(TimeSpan.FromSeconds(60), ConnectorClient.RetryDelay(options, new RetryConditionHeaderValue(now.AddHours(1)), now, 0));
    }
}
