using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Escalations;
using SupportBot.Host.Channels.Slack;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Channels.Slack;

/// <summary>Button clicks (<c>/slack/interactions</c>) and slash commands (<c>/slack/commands</c>) through the real host.</summary>
public sealed class SlackInteractionsAndCommandsTests : IAsyncLifetime
{

    private SlackTestHost _slackHost = null!;
    private int _nextAction;

    public async Task InitializeAsync() => _slackHost = await SlackTestHost.StartAsync(new SupportBotFactory());

    public async Task DisposeAsync() => await _slackHost.DisposeAsync();

    private static string Form(params (string Key, string Value)[] fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    private Task<HttpResponseMessage> PostSignedAsync(string path, string body, string? signature = null, string contentType = "application/x-www-form-urlencoded") =>
        _slackHost.PostSignedAsync(path, body, contentType, signature);

    private Task<HttpResponseMessage> EventAsync(string eventId, string channel, string ts, string text) =>
        PostSignedAsync("/slack/events", new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = "T0TEAM001",
            ["event_id"] = eventId,
            ["event"] = new JsonObject
            {
                ["type"] = "message",
                ["channel"] = channel,
                ["channel_type"] = "im",
                ["user"] = "U0AGENT01",
                ["text"] = text,
                ["ts"] = ts,
                ["event_ts"] = ts,
            },
        }.ToJsonString(), contentType: "application/json");

    private Task<HttpResponseMessage> ClickAsync(string user, string channel, string messageTs, string actionId, string value, string? threadTs = null)
    {
        var actionTs = $"1700001000.{Interlocked.Increment(ref _nextAction):000000}";
        var message = new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["text"] = "prompt" };
        if (threadTs is not null)
        {
            message["thread_ts"] = threadTs;
        }

        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["username"] = "someone", ["team_id"] = "T0TEAM001" },
            ["team"] = new JsonObject { ["id"] = "T0TEAM001", ["domain"] = "example" },
            ["api_app_id"] = "A0APP0001",
            ["trigger_id"] = "1.2.3",
            ["response_url"] = "https://hooks.slack.invalid/actions/x",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false },
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "directmessage" },
            ["message"] = message,
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = actionId,
                ["block_id"] = "b1",
                ["value"] = value,
                ["action_ts"] = actionTs,
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value },
            }),
        };
        return PostSignedAsync("/slack/interactions", Form(("payload", payload.ToJsonString())));
    }

    private Task<HttpResponseMessage> CommandAsync(string command, string text, string user = "U0AGENT01", string channel = "D0CMD0001") =>
        PostSignedAsync("/slack/commands", Form(
            ("token", "deprecated"), ("team_id", "T0TEAM001"), ("team_domain", "example"), ("channel_id", channel), ("channel_name", "directmessage"),
            ("user_id", user), ("user_name", "someone"), ("command", command), ("text", text),
            ("response_url", "https://hooks.slack.invalid/commands/x"), ("trigger_id", $"trig.{Interlocked.Increment(ref _nextAction)}"), ("api_app_id", "A0APP0001")));

    private static async Task<(string ResponseType, string Text)> EphemeralAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (json["response_type"]!.GetValue<string>(), json["text"]!.GetValue<string>());
    }

    private static string Text(JsonObject post) => post["text"]?.GetValue<string>() ?? "";

    /// <summary>Waits (bounded) for a post to the channel whose text contains the words.</summary>
    private async Task<JsonObject> WaitForPostContainingAsync(string channel, string words)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var match = _slackHost.Slack.PostsTo(channel).FirstOrDefault(p => Text(p).Contains(words, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No post to {channel} contains \"{words}\"; posts: {string.Join(" | ", _slackHost.Slack.PostsTo(channel).Select(Text))}");
            }

            await Task.Delay(25);
        }
    }

    private async Task<long> CreateEscalationAsync() =>
        (await _slackHost.Host.Services.GetRequiredService<EscalationService>().CreateAsync(new EscalationRequest(
            "chargeback-threat", "Chargeback threat", "escalation-lead", "high", null, "Customer threatened a chargeback",
            [], [], "Customer: Account holder", null, [], new ConversationReference("slack", "D0AGENT99", null, "U0AGENT01", "Agent")), default)).Id;

    [Theory]
    [InlineData("/slack/interactions")]
    [InlineData("/slack/commands")]
    public async Task A_bad_signature_is_401(string path)
    {
        var response = await PostSignedAsync(path, Form(("command", "/supportbot"), ("text", "help")), signature: "v0=" + new string('0', 64));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void The_escalation_action_id_convention_round_trips()
    {
        var actionId = SlackEndpoints.EscalationActionId(42, LeadAction.TakeOver);
        Assert.Equal("escalation:42:TakeOver", actionId);
        Assert.True(SlackEndpoints.TryParseEscalationActionId(actionId, out var id, out var action));
        Assert.Equal((42L, LeadAction.TakeOver), (id, action));
        Assert.False(SlackEndpoints.TryParseEscalationActionId("escalation:42:7", out _, out _));
        Assert.False(SlackEndpoints.TryParseEscalationActionId("escalation:x:Approve", out _, out _));
        Assert.False(SlackEndpoints.TryParseEscalationActionId("supportbot_choice_0", out _, out _));
    }

    [Fact]
    public async Task A_prompt_button_click_in_a_DM_continues_the_conversation()
    {
        const string dm = "D0INT0001";
        Assert.Equal(HttpStatusCode.OK, (await EventAsync("Ev0INT0001", dm, "1700000101.000100", "cust says battery belt melted")).StatusCode);
        await WaitForPostContainingAsync(dm, "photos");
        Assert.Equal(HttpStatusCode.OK, (await EventAsync("Ev0INT0002", dm, "1700000102.000100", "cx is emailing the pics")).StatusCode);
        var safety = await WaitForPostContainingAsync(dm, "fire, smoke");

        var buttons = safety["blocks"]!.AsArray().Select(b => b!["elements"]).OfType<JsonArray>().SelectMany(e => e).Select(b => b!.AsObject()).ToList();
        var no = buttons.First(b => string.Equals(b["value"]!.GetValue<string>(), "no", StringComparison.OrdinalIgnoreCase));

        var watch = Stopwatch.StartNew();
        var response = await ClickAsync("U0AGENT01", dm, "1700000000.000099", no["action_id"]!.GetValue<string>(), no["value"]!.GetValue<string>());
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"ack took {watch.Elapsed}");

        var next = await WaitForPostContainingAsync(dm, "Which camera");
        Assert.Null(next["thread_ts"]); // same place as the DM's other replies
    }

    [Fact]
    public async Task An_escalation_button_click_by_someone_not_on_the_route_gets_the_refusal_in_the_thread()
    {
        var id = await CreateEscalationAsync();

        var response = await ClickAsync("U0NOTLEAD", "C0LEADS001", "1700000200.000100", SlackEndpoints.EscalationActionId(id, LeadAction.Acknowledge), id.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = await WaitForPostContainingAsync("C0LEADS001", "Sorry, only members");
        Assert.Equal("1700000200.000100", post["thread_ts"]!.GetValue<string>());
        Assert.Equal(EscalationStatus.Open, (await _slackHost.Host.Services.GetRequiredService<EscalationService>().GetAsync(id, default))!.Status);
    }

    [Fact]
    public async Task An_escalation_button_click_by_a_lead_acts_on_it()
    {
        var id = await CreateEscalationAsync();

        await ClickAsync("escalation-lead-1", "D0LEAD0001", "1700000300.000100", SlackEndpoints.EscalationActionId(id, LeadAction.Acknowledge), id.ToString(CultureInfo.InvariantCulture));

        var post = await WaitForPostContainingAsync("D0LEAD0001", $"Escalation #{id}");
        Assert.Null(post["thread_ts"]);
        Assert.Equal(EscalationStatus.Acknowledged, (await _slackHost.Host.Services.GetRequiredService<EscalationService>().GetAsync(id, default))!.Status);
    }

    [Fact]
    public async Task Supportbot_help_is_answered_ephemerally_at_once()
    {
        var watch = Stopwatch.StartNew();
        var (type, text) = await EphemeralAsync(await CommandAsync("/supportbot", "help"));
        watch.Stop();

        Assert.Equal("ephemeral", type);
        Assert.Contains("/escalations", text, StringComparison.Ordinal);
        Assert.Contains("/triage", text, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"answer took {watch.Elapsed}");
    }

    [Fact]
    public async Task An_unknown_command_lists_the_commands()
    {
        var (type, text) = await EphemeralAsync(await CommandAsync("/frobnicate", ""));
        Assert.Equal("ephemeral", type);
        Assert.Contains("Unknown command", text, StringComparison.Ordinal);
        Assert.Contains("/supportbot help", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalations_lists_the_members_open_escalations()
    {
        var id = await CreateEscalationAsync();

        var (type, text) = await EphemeralAsync(await CommandAsync("/escalations", "", user: "escalation-lead-1"));
        Assert.Equal("ephemeral", type);
        Assert.Contains($"#{id} Chargeback threat", text, StringComparison.Ordinal);

        var (_, none) = await EphemeralAsync(await CommandAsync("/escalations", "", user: "U0NOTLEAD"));
        Assert.Equal("You have no open escalations.", none);
    }

    [Fact]
    public async Task Triage_with_a_playbook_id_starts_that_playbook_in_the_channel()
    {
        var (type, text) = await EphemeralAsync(await CommandAsync("/triage", "battery-belt-damage", channel: "D0TRIAGE01"));
        Assert.Equal("ephemeral", type);
        Assert.StartsWith("Starting", text, StringComparison.Ordinal);

        await WaitForPostContainingAsync("D0TRIAGE01", "photos of the damaged belt");
    }
}
