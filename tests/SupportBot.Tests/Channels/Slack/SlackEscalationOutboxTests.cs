using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupportBot.Escalations;
using SupportBot.Host.Channels.Slack;
using SupportBot.Storage;

namespace SupportBot.Tests.Channels.Slack;

public sealed class SlackEscalationOutboxTests : IAsyncLifetime
{
    private const string Channel = "C0LEADS001";
    private const string Destination = "slack:" + Channel;

    private readonly MemoryStorage _storage = new();
    private FakeSlackApi _api = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync();
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
    }

    private SlackEscalationOutbox Outbox() => new(
        new SlackWebApiClient(
            _http,
            Options.Create(new SlackOptions { SigningSecret = "s", BotToken = "xoxb-test-not-real", ApiBaseUrl = _api.Url }),
            TimeProvider.System,
            NullLogger<SlackWebApiClient>.Instance),
        _storage,
        TimeProvider.System,
        NullLogger<SlackEscalationOutbox>.Instance);

    private static OutboxMessage Message(string kind, string text = "", bool update = false, string? id = null) => new()
    {
        Id = id ?? Guid.NewGuid().ToString("N"),
        EscalationId = 42,
        Kind = kind,
        Destination = Destination,
        Text = text,
        Data = kind == OutboxKinds.Summary ? new JsonObject { ["update"] = update } : null,
    };

    private async Task<JsonObject> RecordAsync()
    {
        var key = SlackEscalationOutbox.MessageKey(42, Channel);
        var items = await _storage.ReadAsync([key], default);
        return items[key].Document;
    }

    private static List<string> ActionIds(JsonObject body) =>
        body["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!["action_id"]!.GetValue<string>()).ToList();

    [Theory]
    [InlineData("slack:C0LEADS001", true)]
    [InlineData("slack:", false)]
    [InlineData("slack:  ", false)]
    [InlineData("teams:19:abc@thread.tacv2", false)]
    [InlineData("local", false)]
    public void Handles_only_slack_destinations(string destination, bool handled) =>
        Assert.Equal(handled, Outbox().Handles(destination));

    [Fact]
    public async Task The_first_summary_posts_one_message_with_buttons_and_remembers_it()
    {
        await Outbox().SendAsync(Message(OutboxKinds.Summary, "New escalation."), SlackBlocksTests.Sample(), default);

        var post = Assert.Single(_api.Posts).Body;
        Assert.Equal(Channel, post["channel"]!.GetValue<string>());
        Assert.Null(post["thread_ts"]);
        Assert.Contains("Escalation #42", post["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var actionIds = ActionIds(post);
        Assert.Equal(EscalationTransitions.Allowed(EscalationStatus.Open).Select(a => $"escalation:42:{a}"), actionIds);
        Assert.Contains("escalation:42:Acknowledge", actionIds);
        Assert.Empty(_api.Updates);

        var record = await RecordAsync();
        Assert.Equal(Channel, record["channel"]!.GetValue<string>());
        Assert.Equal("1700000000.000001", record["ts"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_next_summary_updates_the_same_message_in_place()
    {
        var outbox = Outbox();
        await outbox.SendAsync(Message(OutboxKinds.Summary), SlackBlocksTests.Sample(), default);
        var ts = _api.Posts[0].Body["ts"]?.GetValue<string>() ?? (await RecordAsync())["ts"]!.GetValue<string>();

        var acknowledged = SlackBlocksTests.Sample(EscalationStatus.Acknowledged);
        acknowledged.Audit.Add(new(DateTimeOffset.UtcNow, "lead-1", "acknowledged"));
        await outbox.SendAsync(Message(OutboxKinds.Summary, "Escalation #42 is now acknowledged.", update: true), acknowledged, default);

        Assert.Single(_api.Posts);
        var update = Assert.Single(_api.Updates);
        Assert.Equal(Channel, update["channel"]!.GetValue<string>());
        Assert.Equal(ts, update["ts"]!.GetValue<string>());
        Assert.Equal(System.Text.Json.JsonValueKind.String, update["ts"]!.GetValueKind());
        Assert.Equal(EscalationTransitions.Allowed(EscalationStatus.Acknowledged).Select(a => $"escalation:42:{a}"), ActionIds(update));
        Assert.DoesNotContain("escalation:42:Acknowledge", ActionIds(update));
        Assert.Contains("lead-1 acknowledged", update["blocks"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resent_first_summary_updates_instead_of_posting_twice()
    {
        var first = Message(OutboxKinds.Summary, "New escalation.");
        await Outbox().SendAsync(first, SlackBlocksTests.Sample(), default);
        await Outbox().SendAsync(first, SlackBlocksTests.Sample(), default);

        Assert.Single(_api.Posts);
        Assert.Single(_api.Updates);
    }

    [Fact]
    public async Task A_reminder_goes_in_the_thread_once_even_if_delivered_twice()
    {
        var outbox = Outbox();
        await outbox.SendAsync(Message(OutboxKinds.Summary), SlackBlocksTests.Sample(), default);
        var ts = (await RecordAsync())["ts"]!.GetValue<string>();

        var reminder = Message(OutboxKinds.Reminder, "Reminder: escalation #{id} is waiting for <@lead-1> & co.");
        await outbox.SendAsync(reminder, SlackBlocksTests.Sample(), default);
        await outbox.SendAsync(reminder, SlackBlocksTests.Sample(), default);

        var posts = _api.PostsTo(Channel);
        Assert.Equal(2, posts.Count);
        var reply = posts[1];
        Assert.Equal(ts, reply["thread_ts"]!.GetValue<string>());
        Assert.Equal("Reminder: escalation #42 is waiting for &lt;@lead-1&gt; &amp; co.", reply["text"]!.GetValue<string>());
        Assert.True((await RecordAsync())["posted"]!.AsObject().ContainsKey(reminder.Id));
    }

    [Fact]
    public async Task A_lead_notice_without_a_message_yet_posts_the_escalation_first_then_replies_in_its_thread()
    {
        await Outbox().SendAsync(Message(OutboxKinds.LeadNotice, "The agent answered: yes."), SlackBlocksTests.Sample(), default);

        var posts = _api.PostsTo(Channel);
        Assert.Equal(2, posts.Count);
        Assert.NotNull(posts[0]["blocks"]);
        Assert.Equal((await RecordAsync())["ts"]!.GetValue<string>(), posts[1]["thread_ts"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_summary_for_a_message_another_instance_recorded_updates_that_message()
    {
        // Another instance already posted and recorded the message for this escalation and channel.
        var outbox = Outbox();
        await _storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            [SlackEscalationOutbox.MessageKey(42, Channel)] = new(new JsonObject { ["escalationId"] = 42, ["channel"] = Channel, ["ts"] = "1600000000.000001" }),
        }, default);

        await outbox.SendAsync(Message(OutboxKinds.Summary), SlackBlocksTests.Sample(), default);

        Assert.Empty(_api.Posts);
        Assert.Equal("1600000000.000001", Assert.Single(_api.Updates)["ts"]!.GetValue<string>());
    }
}
