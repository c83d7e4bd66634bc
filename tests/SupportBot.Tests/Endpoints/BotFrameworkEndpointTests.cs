using System.Net;
using System.Text.Json.Nodes;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Endpoints;

public sealed class BotFrameworkEndpointTests : IAsyncLifetime
{
    private readonly SupportBotFactory _factory = new();
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Message_IsAnsweredAtTheServiceUrl_AsAReplyToTheActivity()
    {
        var client = _factory.CreateClient();
        var activity = TestActivities.Message("cust says battery belt melted", _connector.ServiceUrl, "conv:with;odd@chars");

        var response = await client.PostAsync("/api/messages", TestActivities.Json(activity));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await _connector.WaitForAsync(2);
        Assert.Contains("Melted or damaged battery belt", replies[0].Text);
        Assert.All(replies, r => Assert.Equal(activity.Id, r.ReplyToId));
        Assert.All(_connector.Received, r => Assert.StartsWith("/_connector/v3/conversations/conv%3Awith%3Bodd%40chars/activities/", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MalformedJson_IsAnswered400WithAClearMessage()
    {
        var response = await _factory.CreateClient().PostAsync("/api/messages", TestActivities.Json("""{"type": "message", "text": """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>();
        Assert.StartsWith("The body is not a valid Bot Framework activity", error);
    }

    [Fact]
    public async Task ActivityWithoutConversation_IsAnswered400NamingTheMissingFields()
    {
        var response = await _factory.CreateClient().PostAsync("/api/messages", TestActivities.Json("""{"type": "message", "text": "hi"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'conversation.id'", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task JsonThatIsNotAnObject_IsAnswered400()
    {
        var response = await _factory.CreateClient().PostAsync("/api/messages", TestActivities.Json("[1, 2, 3]"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OversizedBody_IsRejectedWith413()
    {
        var activity = TestActivities.Message(new string('x', 300 * 1024), _connector.ServiceUrl);

        var response = await _factory.CreateClient().PostAsync("/api/messages", TestActivities.Json(activity));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Teams:MaxActivityBytes", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnonymousMode_RefusesToReplyToARemoteServiceUrl()
    {
        var activity = TestActivities.Message("hello", "https://smba.trafficmanager.net/amer/");

        var response = await _factory.CreateClient().PostAsync("/api/messages", TestActivities.Json(activity));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_connector.Received);
    }

    [Fact]
    public async Task HeadProbe_FromTheAgentsPlayground_IsAnswered()
    {
        var response = await _factory.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/messages"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Redelivery_OfTheSameActivityId_IsNotAnsweredTwice()
    {
        var client = _factory.CreateClient();
        var activity = TestActivities.Message("cust says battery belt melted", _connector.ServiceUrl, id: "fixed-id");

        await client.PostAsync("/api/messages", TestActivities.Json(activity));
        var first = (await _connector.WaitForAsync(2)).Count;
        var again = await client.PostAsync("/api/messages", TestActivities.Json(activity));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await Task.Delay(200);
        Assert.Equal(first, _connector.Received.Count());
    }
}
