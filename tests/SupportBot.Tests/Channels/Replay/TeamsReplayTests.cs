using System.Net;
using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.Tests.Channels.BotFramework.Outbound;
using SupportBot.Tests.Infrastructure;

namespace SupportBot.Tests.Channels.Replay;

/// <summary><c>replay N</c> in Teams through the real <c>/api/messages</c> endpoint, posted at a fake Bot Connector.</summary>
public sealed class TeamsReplayTests : IAsyncLifetime
{
    private const string BotId = "28:0f1e2d3c-aaaa-bbbb-cccc-ddddeeeeffff";
    private const string Trainer = "29:1TrainerMri";
    private const string TrainingThread = "19:training@thread.tacv2;messageid=1700000000999";

    private readonly SupportBotFactory _factory = new SupportBotFactory()
        .With("Training:Trainers:0", Trainer)
        .With("Training:ReplayInterval", "00:00:00");

    private FakeConnectorService _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnectorService.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private async Task SendAsync(string conversationId, string conversationType, string text)
    {
        var mention = conversationType == "personal" ? "" : "<at>SupportBot</at> ";
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "1700000001" + Random.Shared.Next(100, 999),
            ChannelId = "msteams",
            ServiceUrl = _connector.ServiceUrl,
            From = new ChannelAccount { Id = Trainer, Name = "Sample Trainer" },
            Recipient = new ChannelAccount { Id = BotId, Name = "SupportBot" },
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = conversationType, IsGroup = conversationType != "personal", TenantId = "tenant-1" },
            ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
            Text = mention + text,
            Entities = mention.Length == 0 ? null :
            [
                new JsonObject
                {
                    ["type"] = "mention",
                    ["text"] = "<at>SupportBot</at>",
                    ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "SupportBot" },
                },
            ],
        };
        var response = await _factory.CreateClient().PostAsync("/api/messages", TestActivities.Json(activity));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Text(ConnectorRequest request) => request.Json["text"]!.GetValue<string>();

    [Fact]
    public async Task Replay_asked_in_a_channel_thread_posts_the_header_and_then_each_turn_into_that_thread()
    {
        var recorded = await ReplayCases.SaveAsync(_factory.Services, "29:1AgentMri", turns: 3);
        var thread = "/v3/conversations/" + Uri.EscapeDataString(TrainingThread) + "/activities";

        await SendAsync(TrainingThread, "channel", $"replay {recorded.Id}");

        await _connector.WaitForRequestsAsync(4);
        var requests = _connector.Requests;
        Assert.Equal(4, requests.Count);
        Assert.StartsWith(thread + "/", requests[0].Target); // the header answers the trainer's message in the thread
        Assert.StartsWith($"**Replay of case #{recorded.Id}**", Text(requests[0]));
        Assert.All(requests.Skip(1), r => Assert.Equal(("POST", thread), (r.Method, r.Target)));
        Assert.StartsWith("**Turn 1 of 3**", Text(requests[1]));
        Assert.StartsWith("**Turn 2 of 3**", Text(requests[2]));
        Assert.StartsWith("**Turn 3 of 3**", Text(requests[3]));
        Assert.Equal(BotId, requests[3].Json["from"]?["id"]?.GetValue<string>());
    }

    [Fact]
    public async Task Replay_asked_in_a_personal_chat_posts_the_turns_in_sequence_in_the_chat()
    {
        var recorded = await ReplayCases.SaveAsync(_factory.Services, "29:1AgentMri", turns: 2);
        const string chat = "a:1personal-trainer-chat";

        await SendAsync(chat, "personal", $"replay {recorded.Id}");

        await _connector.WaitForRequestsAsync(3);
        var requests = _connector.Requests;
        Assert.All(requests, r => Assert.StartsWith("/v3/conversations/" + Uri.EscapeDataString(chat) + "/activities", r.Target));
        Assert.Equal(3, requests.Count);
        Assert.StartsWith($"**Replay of case #{recorded.Id}**", Text(requests[0]));
        Assert.StartsWith("**Turn 1 of 2**", Text(requests[1]));
        Assert.StartsWith("**Turn 2 of 2**", Text(requests[2]));
    }
}
