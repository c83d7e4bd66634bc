using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Escalations;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Endpoints;

/// <summary>A lead's button on an escalation card, pressed in Teams (Action.Execute, an invoke).</summary>
public sealed class LeadCardInvokeTests : IAsyncLifetime
{
    private readonly SupportBotFactory _factory = new SupportBotFactory()
        .With("Escalations:BusinessHours:Start", "00:00").With("Escalations:BusinessHours:End", "23:59:59")
        .With("Escalations:BusinessHours:Days:0", "Monday").With("Escalations:BusinessHours:Days:1", "Tuesday")
        .With("Escalations:BusinessHours:Days:2", "Wednesday").With("Escalations:BusinessHours:Days:3", "Thursday")
        .With("Escalations:BusinessHours:Days:4", "Friday").With("Escalations:BusinessHours:Days:5", "Saturday")
        .With("Escalations:BusinessHours:Days:6", "Sunday");

    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private async Task<long> CreateEscalationAsync() =>
        (await _factory.Services.GetRequiredService<EscalationService>().CreateAsync(new EscalationRequest(
            "chargeback-threat", "Chargeback threat", "escalation-lead", "high", null, "Customer threatened a chargeback",
            [], [], "Customer: Account holder", null, [], new ConversationReference("msteams", "conv-lead", _connector.ServiceUrl, "agent-1", "Agent")), default)).Id;

    private Task<HttpResponseMessage> InvokeAsync(string name, long id, string verb, string actor)
    {
        var activity = TestActivities.Message("", _connector.ServiceUrl, "lead-channel");
        activity.Type = "invoke";
        activity.Name = name;
        activity.Text = null;
        activity.ChannelId = "msteams";
        activity.From = new SupportBot.Activities.ChannelAccount { Id = actor };
        activity.Value = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = new JsonObject { ["escalationId"] = id, ["action"] = verb } },
            ["trigger"] = "manual",
        };
        return _factory.CreateClient().PostAsync("/api/messages", TestActivities.Json(activity));
    }

    [Fact]
    public async Task Acknowledge_FromTheCard_IsAnsweredWithTheUpdatedCard()
    {
        var id = await CreateEscalationAsync();

        var response = await InvokeAsync("adaptiveCard/action", id, "Acknowledge", "escalation-lead-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Contains("escalation-lead-1", body["value"]!.ToJsonString());
        Assert.Equal(EscalationStatus.Acknowledged, (await _factory.Services.GetRequiredService<EscalationService>().GetAsync(id, default))!.Status);
    }

    [Fact]
    public async Task SomeoneNotOnTheRoute_GetsTheRefusalAsAMessage_AndTheCardStays()
    {
        var id = await CreateEscalationAsync();

        var response = await InvokeAsync("adaptiveCard/action", id, "Acknowledge", "someone-else");

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.StartsWith("Sorry, only members", body["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownInvoke_IsAnswered501()
    {
        var response = await InvokeAsync("task/fetch", 1, "Acknowledge", "escalation-lead-1");
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }
}
