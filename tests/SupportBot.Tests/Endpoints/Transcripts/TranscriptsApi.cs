using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Activities;
using SupportBot.Storage;
using SupportBot.Tests.Infrastructure;
using SupportBot.Transcripts;

namespace SupportBot.Tests.Endpoints.Transcripts;

/// <summary>
/// The host with one trainer configured, and ways to put cases in it: real conversations through the web
/// chat API, or cases written straight to the transcript store when a test needs exact dates and outcomes.
/// </summary>
internal sealed class TranscriptsApi : IDisposable
{
    public const string Trainer = "trainer-1";
    public const string AgentA = "agent-a";
    public const string AgentB = "agent-b";

    public static readonly string[] BatteryBeltAnswers =
    [
        "cust says battery belt melted",
        "cx is emailing the pics and receipt",
        "no",
        "xpro",
        "account holder",
        "order 100-2000-3000 from the website",
    ];

    public SupportBotFactory Factory { get; } = new SupportBotFactory().With("Training:Trainers:0", Trainer);

    public void Dispose() => Factory.Dispose();

    /// <summary>A client that says who it is the way the trainer page does; no header when <paramref name="userId"/> is null.</summary>
    public HttpClient As(string? userId)
    {
        var client = Factory.CreateClient();
        if (userId is not null)
        {
            client.DefaultRequestHeaders.Add("X-SupportBot-User", userId);
        }

        return client;
    }

    public async Task<JsonArray> ChatAsync(string conversationId, string userId, string text)
    {
        var response = await Factory.CreateClient().PostAsJsonAsync("/api/chat", new { conversationId, userId, userName = "Agent " + userId, text });
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["replies"]!.AsArray();
    }

    /// <summary>A whole battery-belt-damage conversation, ending with the agent taking the suggested disposition ("1").</summary>
    public async Task BatteryBeltCaseAsync(string conversationId, string userId, string disposition = "1")
    {
        foreach (var text in BatteryBeltAnswers)
        {
            await ChatAsync(conversationId, userId, text);
        }

        await ChatAsync(conversationId, userId, disposition);
    }

    /// <summary>A case written straight to the store, with one inbound message, for filters that need exact values.</summary>
    public async Task<long> StoredCaseAsync(
        string agent,
        string playbook,
        DateTimeOffset startedAt,
        CaseStatus status = CaseStatus.Completed,
        string? outcome = null,
        bool escalated = false,
        DispositionDecision? disposition = null)
    {
        var store = Factory.Services.GetRequiredService<ITranscriptStore>();
        var key = "webchat/stored-" + Guid.NewGuid().ToString("N");
        var transcriptCase = new TranscriptCase
        {
            ConversationKey = key,
            ConversationId = key["webchat/".Length..],
            ChannelId = "webchat",
            AgentId = agent,
            AgentName = "Agent " + agent,
            PlaybookId = playbook,
            StartedAt = startedAt,
            LastActivityAt = startedAt.AddMinutes(5),
            Turns = 1,
            Escalated = escalated,
            Status = status,
            OutcomeId = outcome,
            Disposition = disposition,
        };
        var message = new Activity
        {
            Type = ActivityTypes.Message,
            Timestamp = startedAt,
            ChannelId = "webchat",
            Conversation = new ConversationAccount { Id = transcriptCase.ConversationId },
            From = new ChannelAccount { Id = agent },
            Text = "fictional stored case",
        };
        var saved = await store.AppendTurnAsync(
            transcriptCase,
            [new TranscriptEntry(key, startedAt, TranscriptDirection.Inbound, message, Snapshot: new TurnSnapshot(playbook, null, []))],
            CancellationToken.None);
        return saved.Id;
    }

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public async Task<long[]> ListIdsAsync(string userId, string query = "")
    {
        var response = await As(userId).GetAsync("/api/transcripts" + query);
        response.EnsureSuccessStatusCode();
        return (await JsonAsync(response)).AsArray().Select(c => c!["id"]!.GetValue<long>()).ToArray();
    }
}
