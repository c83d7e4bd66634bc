using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SupportBot.Tests.Channels.BotFramework.Authentication;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Endpoints;

/// <summary>The real host with a Teams app id: tokens are checked before any turn runs.</summary>
public sealed class AuthenticatedMessagesEndToEndTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private FakeBotFrameworkIssuer _issuer = null!;
    private FakeConnector _connector = null!;
    private SupportBot.Tests.Channels.BotFramework.Outbound.FakeTokenEndpoint _tokens = null!;
    private SupportBotFactory _factory = null!;
    private readonly System.Security.Cryptography.RSA _key = TestKeys.Primary();

    public async Task InitializeAsync()
    {
        _issuer = await FakeBotFrameworkIssuer.StartAsync();
        _issuer.Publish(_key, "test-key-1", "msteams");
        _connector = await FakeConnector.StartAsync();
        _tokens = await SupportBot.Tests.Channels.BotFramework.Outbound.FakeTokenEndpoint.StartAsync();
        _factory = new SupportBotFactory()
            .With("Teams:TokenEndpoint", _tokens.Url)
            .With("Teams:AppId", AppId)
            .With("Teams:AppPassword", "not-a-real-secret")
            .With("Teams:OpenIdMetadataUrl", _issuer.MetadataUrl);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _connector.DisposeAsync();
        await _tokens.DisposeAsync();
        await _issuer.DisposeAsync();
        _key.Dispose();
    }

    private string Token(string serviceUrl, string audience = AppId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return TestJwt.SignRsa(_key, TestJwt.Header("RS256", "test-key-1"), new JsonObject
        {
            ["iss"] = "https://api.botframework.com",
            ["aud"] = audience,
            ["nbf"] = now - 60,
            ["exp"] = now + 3600,
            ["serviceurl"] = serviceUrl,
        });
    }

    private Task<HttpResponseMessage> PostAsync(string? token)
    {
        var activity = TestActivities.Message("cust says battery belt melted", _connector.ServiceUrl);
        activity.ChannelId = "msteams";
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = TestActivities.Json(activity) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return _factory.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task ValidToken_IsProcessedAndAnswered()
    {
        var response = await PostAsync(Token(_connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("battery belt", (await _connector.WaitForAsync(1))[0].Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MissingToken_IsRejected401AndNothingRuns()
    {
        var response = await PostAsync(null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Received);
    }

    [Fact]
    public async Task TokenForAnotherBot_IsRejected401()
    {
        var response = await PostAsync(Token(_connector.ServiceUrl, audience: "99999999-0000-0000-0000-000000000000"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
