using System.Net;
using SupportBot.Host.Channels.BotFramework;
using SupportBot.Host.Channels.BotFramework.Outbound;

namespace SupportBot.Tests.Channels.BotFramework.Outbound;

public sealed class ClientCredentialsTokenProviderTests
{
    [Fact]
    public async Task TokenIsFetchedOnceWithTheClientCredentialsFormAndReused()
    {
        await using var h = await OutboundHarness.StartAsync();

        await h.Client.SendToConversationAsync(h.ServiceUrl, OutboundHarness.Conversation, OutboundHarness.Message("one"));
        await h.Client.SendToConversationAsync(h.ServiceUrl, OutboundHarness.Conversation, OutboundHarness.Message("two"));
        h.Clock.Advance(TimeSpan.FromMinutes(30));
        await h.Client.SendToConversationAsync(h.ServiceUrl, OutboundHarness.Conversation, OutboundHarness.Message("three"));

        var tokenRequest = Assert.Single(h.TokenEndpoint.Requests);
        Assert.Equal("botframework.com", tokenRequest.Tenant);
        Assert.StartsWith("application/x-www-form-urlencoded", tokenRequest.ContentType, StringComparison.Ordinal);
        Assert.Equal("client_credentials", tokenRequest.Form["grant_type"]);
        Assert.Equal(OutboundHarness.AppId, tokenRequest.Form["client_id"]);
        Assert.Equal(OutboundHarness.Secret, tokenRequest.Form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", tokenRequest.Form["scope"]);
        Assert.All(h.Connector.Requests, r => Assert.Equal("Bearer token-1", r.Authorization));
        Assert.Equal(3, h.Connector.Requests.Count);
    }

    [Fact]
    public async Task TokenIsRefreshedOnceWithinFiveMinutesOfExpiry()
    {
        await using var h = await OutboundHarness.StartAsync();
        h.TokenEndpoint.ExpiresIn = 3600;

        Assert.Equal("token-1", await h.Tokens.GetTokenAsync(default));
        h.Clock.Advance(TimeSpan.FromMinutes(55) - TimeSpan.FromSeconds(1));
        Assert.Equal("token-1", await h.Tokens.GetTokenAsync(default));
        Assert.Single(h.TokenEndpoint.Requests);

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await h.Tokens.GetTokenAsync(default));
        Assert.Equal("token-2", await h.Tokens.GetTokenAsync(default));
        Assert.Equal(2, h.TokenEndpoint.Requests.Count);
    }

    [Fact]
    public async Task ConcurrentFirstCallsShareOneTokenRequest()
    {
        await using var h = await OutboundHarness.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.TokenEndpoint.Hold = release.Task;

        var callers = Enumerable.Range(0, 20).Select(_ => h.Tokens.GetTokenAsync(default).AsTask()).ToList();
        await h.TokenEndpoint.WaitForRequestsAsync(1);
        await Task.Delay(50);
        Assert.All(callers, c => Assert.False(c.IsCompleted));
        release.SetResult();

        Assert.All(await Task.WhenAll(callers), t => Assert.Equal("token-1", t));
        Assert.Single(h.TokenEndpoint.Requests);
    }

    [Fact]
    public async Task ACallerGivingUpDoesNotFailTheSharedRequest()
    {
        await using var h = await OutboundHarness.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.TokenEndpoint.Hold = release.Task;
        using var cancel = new CancellationTokenSource();

        var impatient = h.Tokens.GetTokenAsync(cancel.Token).AsTask();
        var patient = h.Tokens.GetTokenAsync(default).AsTask();
        await h.TokenEndpoint.WaitForRequestsAsync(1);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        release.SetResult();

        Assert.Equal("token-1", await patient);
        Assert.Single(h.TokenEndpoint.Requests);
    }

    [Fact]
    public async Task TenantIdTakesThePlaceOfBotframeworkDotCom()
    {
        await using var h = await OutboundHarness.StartAsync(teams: o => o.TenantId = "72f988bf-0000-0000-0000-000000000000");

        Assert.Equal("token-1", await h.Tokens.GetTokenAsync(default));

        Assert.Equal("72f988bf-0000-0000-0000-000000000000", Assert.Single(h.TokenEndpoint.Requests).Tenant);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", null, "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token")]
    [InlineData("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", "contoso.onmicrosoft.com", "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token")]
    [InlineData("https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us/oauth2/v2.0/token", "t1", "https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us/oauth2/v2.0/token")]
    [InlineData("http://127.0.0.1:5000/botframework.com/oauth2/v2.0/token", "t1", "http://127.0.0.1:5000/t1/oauth2/v2.0/token")]
    public void TokenEndpointIsResolved(string endpoint, string? tenant, string expected) =>
        Assert.Equal(expected, ClientCredentialsTokenProvider.ResolveTokenEndpoint(endpoint, tenant).ToString());

    [Theory]
    [InlineData("http://login.example.com/botframework.com/oauth2/v2.0/token")]
    [InlineData("ftp://127.0.0.1/token")]
    [InlineData("not a url")]
    public void TokenEndpointMustBeHttpsOrLoopback(string endpoint) =>
        Assert.Throws<InvalidOperationException>(() => ClientCredentialsTokenProvider.ResolveTokenEndpoint(endpoint, null));

    [Fact]
    public async Task ARefusalNamesTheOAuthErrorAndIsNotCached()
    {
        await using var h = await OutboundHarness.StartAsync();
        h.TokenEndpoint.EnqueueFailure(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");

        var e = await Assert.ThrowsAsync<ConnectorTokenException>(() => h.Tokens.GetTokenAsync(default).AsTask());

        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Equal("invalid_client", e.ErrorCode);
        Assert.Contains("AADSTS7000215", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(OutboundHarness.Secret, e.ToString(), StringComparison.Ordinal);
        Assert.Equal("token-1", await h.Tokens.GetTokenAsync(default));
        Assert.Equal(2, h.TokenEndpoint.Requests.Count);
    }

    [Fact]
    public async Task ATokenFailureSurfacesFromTheConnectorCallWithoutSendingAnything()
    {
        await using var h = await OutboundHarness.StartAsync();
        h.TokenEndpoint.EnqueueFailure(400, "invalid_scope", "The scope is not valid.");

        var e = await Assert.ThrowsAsync<ConnectorTokenException>(() =>
            h.Client.SendToConversationAsync(h.ServiceUrl, OutboundHarness.Conversation, OutboundHarness.Message("hi")));

        Assert.Equal("invalid_scope", e.ErrorCode);
        Assert.Empty(h.Connector.Requests);
    }

    [Fact]
    public async Task InvalidatingAnOldTokenKeepsTheCurrentOne()
    {
        await using var h = await OutboundHarness.StartAsync();
        var first = await h.Tokens.GetTokenAsync(default);
        h.Tokens.InvalidateToken(first!);
        var second = await h.Tokens.GetTokenAsync(default);

        h.Tokens.InvalidateToken(first!);

        Assert.Equal("token-2", second);
        Assert.Equal("token-2", await h.Tokens.GetTokenAsync(default));
        Assert.Equal(2, h.TokenEndpoint.Requests.Count);
    }

    [Fact]
    public async Task NeitherTheSecretNorATokenIsEverLogged()
    {
        await using var h = await OutboundHarness.StartAsync();
        h.TokenEndpoint.EnqueueFailure(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
        await Assert.ThrowsAsync<ConnectorTokenException>(() =>
            h.Client.SendToConversationAsync(h.ServiceUrl, OutboundHarness.Conversation, OutboundHarness.Message("refused")));

        // token-1 is refused by the connector, so token-2 is fetched; then an error body and a retry are logged too.
        h.Connector.RejectedTokens["token-1"] = true;
        await h.Client.SendToConversationAsync(h.ServiceUrl, OutboundHarness.Conversation, OutboundHarness.Message("refreshed"));
        h.Connector.EnqueueError(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
        await Assert.ThrowsAsync<ConnectorException>(() =>
            h.Client.SendToConversationAsync(h.ServiceUrl, OutboundHarness.Conversation, OutboundHarness.Message("forbidden")));

        var logs = h.Logs.All;
        Assert.Contains("invalid_client", logs, StringComparison.Ordinal);
        Assert.Contains("BotNotInConversationRoster", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(OutboundHarness.Secret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(OutboundHarness.Secret), logs, StringComparison.Ordinal);
        Assert.DoesNotContain("token-1", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("token-2", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortLivedTokensAreUsedForHalfTheirLifetime()
    {
        await using var h = await OutboundHarness.StartAsync();
        h.TokenEndpoint.ExpiresIn = 240;

        Assert.Equal("token-1", await h.Tokens.GetTokenAsync(default));
        h.Clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal("token-1", await h.Tokens.GetTokenAsync(default));
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await h.Tokens.GetTokenAsync(default));
    }

    [Fact]
    public async Task AnonymousModeRegistersTheAnonymousProviderAndSendsNoToken()
    {
        await using var h = await OutboundHarness.StartAsync(anonymous: true);

        Assert.IsType<AnonymousConnectorTokenProvider>(h.Tokens);
        await h.Client.SendToConversationAsync(h.ServiceUrl, OutboundHarness.Conversation, OutboundHarness.Message("hi"));

        Assert.Null(Assert.Single(h.Connector.Requests).Authorization);
        Assert.Empty(h.TokenEndpoint.Requests);
    }
}
