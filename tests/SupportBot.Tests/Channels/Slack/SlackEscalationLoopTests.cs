using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Escalations;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Channels.Slack;

/// <summary>An escalation routed to a Slack channel: posted, a lead presses a button, the message is updated in place.</summary>
public sealed class SlackEscalationLoopTests : IAsyncLifetime
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string LeadChannel = "C0LEADS01";
    private FakeSlackApi _slack = null!;
    private SupportBotFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _factory = new SupportBotFactory()
            .With("Slack:SigningSecret", Secret)
            .With("Slack:BotToken", "xoxb-test-not-real")
            .With("Slack:ApiBaseUrl", _slack.Url)
            .With("Escalations:Routes:escalation-lead:Destinations:0", "slack:" + LeadChannel)
            .With("Escalations:Routes:escalation-lead:OffHours:Destinations:0", "slack:" + LeadChannel)
            .With("Escalations:PollInterval", "00:00:00.100");
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task EscalationPostedToSlack_IsUpdatedInPlace_AfterALeadPressesAButton()
    {
        var client = _factory.CreateClient();
        var escalation = await _factory.Services.GetRequiredService<EscalationService>().CreateAsync(new EscalationRequest(
            "chargeback-threat", "Chargeback threat", "escalation-lead", "high", null, "Customer threatened a chargeback",
            [], [], "Customer: Account holder", null, [], new ConversationReference("webchat", "slack-loop", null, "agent-1", "Agent")), default);
        var posted = (await _slack.WaitForPostsAsync(LeadChannel))[0];
        Assert.NotNull(posted["blocks"]);

        var member = escalation.Assignee!;
        var response = await ClickAsync(client, member, $"escalation:{escalation.Id}:Acknowledge", escalation.Id.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        for (var i = 0; i < 100 && !_slack.Updates.Any(u => u["channel"]?.GetValue<string>() == LeadChannel && u.ToJsonString().Contains(member, StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(_slack.Updates, u => u["channel"]?.GetValue<string>() == LeadChannel && u.ToJsonString().Contains(member, StringComparison.Ordinal));
        Assert.Equal(EscalationStatus.Acknowledged, (await _factory.Services.GetRequiredService<EscalationService>().GetAsync(escalation.Id, default))!.Status);
    }

    private static Task<HttpResponseMessage> ClickAsync(HttpClient client, string user, string actionId, string value)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["username"] = "lead", ["team_id"] = "T0TEAM001" },
            ["team"] = new JsonObject { ["id"] = "T0TEAM001", ["domain"] = "example" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700002000.000100", ["channel_id"] = LeadChannel, ["is_ephemeral"] = false },
            ["channel"] = new JsonObject { ["id"] = LeadChannel, ["name"] = "leads" },
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = "1700002000.000100", ["text"] = "escalation" },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = actionId,
                ["block_id"] = "b1",
                ["value"] = value,
                ["action_ts"] = "1700002001.000100",
            }),
        };
        var body = "payload=" + Uri.EscapeDataString(payload.ToJsonString());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        return client.SendAsync(request);
    }
}
