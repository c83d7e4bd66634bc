using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupportBot.Escalations;
using SupportBot.Host.Channels.Teams;
using SupportBot.Storage;
using SupportBot.Tests.Channels.BotFramework.Outbound;

namespace SupportBot.Tests.Channels.Teams;

public sealed class TeamsChannelOutboxTests : IAsyncLifetime
{
    private const string ChannelId = "19:abc@thread.tacv2";
    private const string Destination = "teams:" + ChannelId;

    private readonly MemoryStorage _storage = new();
    private OutboundHarness _h = null!;

    public async Task InitializeAsync() => _h = await OutboundHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private TeamsChannelOutbox Outbox(string? serviceUrl = null) => new(
        _h.Client,
        _storage,
        new TeamsRouteRegistry(_storage),
        Options.Create(new TeamsChannelOptions { ServiceUrl = serviceUrl ?? _h.ServiceUrl, TenantId = "tenant-1" }),
        _h.Clock,
        NullLogger<TeamsChannelOutbox>.Instance);

    private Escalation Escalation(EscalationStatus status = EscalationStatus.Open) => new()
    {
        Id = 12,
        PlaybookId = "chargeback-threat",
        Category = "Chargeback threat",
        Route = "escalation-lead",
        Urgency = "high",
        Summary = "Customer threatened a chargeback",
        Status = status,
        Assignee = "escalation-lead-1",
        CreatedAt = _h.Clock.GetUtcNow(),
    };

    private static OutboxMessage Summary(bool update, string? id = null) => new()
    {
        Id = id ?? Guid.NewGuid().ToString("N"),
        EscalationId = 12,
        Kind = OutboxKinds.Summary,
        Destination = Destination,
        Text = update ? "Escalation #12 is now acknowledged." : "New escalation.",
        Data = new JsonObject { ["update"] = update },
    };

    private static OutboxMessage Notice(string kind, string text, string? id = null) => new()
    {
        Id = id ?? Guid.NewGuid().ToString("N"),
        EscalationId = 12,
        Kind = kind,
        Destination = Destination,
        Text = text,
    };

    private async Task<JsonObject> ThreadAsync()
    {
        var key = TeamsChannelOutbox.ThreadKey(12, ChannelId);
        var items = await _storage.ReadAsync([key], default);
        return items[key].Document;
    }

    [Theory]
    [InlineData("teams:19:abc@thread.tacv2", true)]
    [InlineData("teams:", false)]
    [InlineData("local", false)]
    [InlineData("conversation", false)]
    [InlineData("slack:C0123", false)]
    public void Handles_only_teams_channel_destinations(string destination, bool handled) =>
        Assert.Equal(handled, Outbox().Handles(destination));

    [Fact]
    public async Task The_first_summary_starts_a_thread_in_the_channel_with_the_escalation_card_and_remembers_it()
    {
        await Outbox().SendAsync(Summary(update: false), Escalation(), default);

        var request = Assert.Single(_h.Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/conversations", request.Target);
        Assert.True(request.Json["isGroup"]!.GetValue<bool>());
        Assert.Equal(ChannelId, request.Json["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal("tenant-1", request.Json["tenantId"]!.GetValue<string>());
        var attachment = Assert.Single(request.Json["activity"]!["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", attachment["content"]!["type"]!.GetValue<string>());
        Assert.Contains("Escalation #12: Chargeback threat", attachment["content"]!.ToJsonString());

        var thread = await ThreadAsync();
        Assert.Equal(ChannelId + ";messageid=1700000000001", thread["conversationId"]!.GetValue<string>());
        Assert.Equal("1700000000001", thread["activityId"]!.GetValue<string>());
        Assert.Equal(_h.ServiceUrl, thread["serviceUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_later_summary_updates_the_card_in_place()
    {
        var outbox = Outbox();
        await outbox.SendAsync(Summary(update: false), Escalation(), default);

        await outbox.SendAsync(Summary(update: true), Escalation(EscalationStatus.Acknowledged), default);

        Assert.Equal(2, _h.Connector.Requests.Count);
        var update = _h.Connector.Requests[1];
        Assert.Equal("PUT", update.Method);
        var conversation = Uri.EscapeDataString(ChannelId + ";messageid=1700000000001");
        Assert.Equal($"/v3/conversations/{conversation}/activities/1700000000001", update.Target);
        var attachment = Assert.Single(update.Json["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Contains("Acknowledged", attachment["content"]!.ToJsonString());
    }

    [Fact]
    public async Task A_resent_creation_updates_the_card_instead_of_starting_a_second_thread()
    {
        var outbox = Outbox();
        var first = Summary(update: false);
        await outbox.SendAsync(first, Escalation(), default);

        await outbox.SendAsync(first, Escalation(), default);

        Assert.Single(_h.Connector.Requests, r => r.Method == "POST" && r.Target == "/v3/conversations");
        Assert.Equal("PUT", _h.Connector.Requests[1].Method);
    }

    [Fact]
    public async Task A_reminder_is_posted_in_the_thread_once_even_when_delivered_again()
    {
        var outbox = Outbox();
        await outbox.SendAsync(Summary(update: false), Escalation(), default);
        var reminder = Notice(OutboxKinds.Reminder, "Reminder: escalation #{id} (Chargeback threat, high) is waiting for escalation-lead-1.");

        await outbox.SendAsync(reminder, Escalation(), default);
        await outbox.SendAsync(reminder, Escalation(), default);

        Assert.Equal(2, _h.Connector.Requests.Count);
        var post = _h.Connector.Requests[1];
        Assert.Equal("POST", post.Method);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(ChannelId + ";messageid=1700000000001")}/activities", post.Target);
        Assert.Equal("Reminder: escalation #12 (Chargeback threat, high) is waiting for escalation-lead-1.", post.Json["text"]!.GetValue<string>());
        Assert.True((await ThreadAsync())["posted"]!.AsObject().ContainsKey(reminder.Id));
    }

    [Fact]
    public async Task A_lead_notice_is_posted_in_the_thread()
    {
        var outbox = Outbox();
        await outbox.SendAsync(Summary(update: false), Escalation(), default);

        await outbox.SendAsync(Notice(OutboxKinds.LeadNotice, "Escalation #12: the agent answered \"which firmware?\": 4.2"), Escalation(), default);

        var post = _h.Connector.Requests[1];
        Assert.Equal("POST", post.Method);
        Assert.EndsWith("/activities", post.Target, StringComparison.Ordinal);
        Assert.Contains("the agent answered", post.Json["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reminder_for_an_escalation_without_a_thread_starts_the_thread_first()
    {
        await Outbox().SendAsync(Notice(OutboxKinds.Reminder, "Reminder: escalation #{id} is waiting."), Escalation(), default);

        Assert.Equal(2, _h.Connector.Requests.Count);
        Assert.Equal("/v3/conversations", _h.Connector.Requests[0].Target);
        Assert.Equal("Reminder: escalation #12 is waiting.", _h.Connector.Requests[1].Json["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_channel_registered_from_Teams_gets_its_thread_at_the_serviceUrl_and_tenant_it_was_registered_with()
    {
        await new TeamsRouteRegistry(_storage).RegisterAsync(
            "escalation-lead", new RegisteredChannel(ChannelId, _h.ServiceUrl, "tenant-from-teams", null, "29:lee", _h.Clock.GetUtcNow()), default);

        // The configured serviceUrl is not reachable from the test; the registered one is the fake connector.
        await Outbox(serviceUrl: "https://smba.trafficmanager.net/teams/").SendAsync(Summary(update: false), Escalation(), default);

        var request = Assert.Single(_h.Connector.Requests);
        Assert.Equal("tenant-from-teams", request.Json["tenantId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_creation_records_no_thread_so_the_retry_creates_it()
    {
        _h.Connector.EnqueueError(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
        var summary = Summary(update: false);

        await Assert.ThrowsAnyAsync<Exception>(() => Outbox().SendAsync(summary, Escalation(), default));
        Assert.Empty(await _storage.ReadAsync([TeamsChannelOutbox.ThreadKey(12, ChannelId)], default));

        await Outbox().SendAsync(summary, Escalation(), default);
        Assert.Equal(2, _h.Connector.Requests.Count(r => r.Target == "/v3/conversations"));
        Assert.NotNull(await ThreadAsync());
    }
}
