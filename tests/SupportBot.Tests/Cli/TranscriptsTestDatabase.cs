using System.Text.Json.Nodes;
using SupportBot.Activities;
using SupportBot.State;
using SupportBot.Storage;
using SupportBot.Storage.LiteDb;
using SupportBot.Tests.Infrastructure;
using SupportBot.Transcripts;

namespace SupportBot.Tests.Cli;

/// <summary>A real LiteDB file with recorded cases in it, closed again so a command can open it.</summary>
internal sealed class TranscriptsTestDatabase : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _database = new();

    public string Path => _database.Path;

    public static TranscriptsTestDatabase Empty() => new();

    /// <summary>Three cases: two of battery-belt-damage (agent-1, agent-2), one of missing-camera (agent-1) with a taken disposition.</summary>
    public static async Task<TranscriptsTestDatabase> WithThreeCasesAsync()
    {
        var database = new TranscriptsTestDatabase();
        await database.WriteAsync(async (store, storage) =>
        {
            await store.AppendTurnAsync(Case("webchat/belt-1", "battery-belt-damage", "agent-1", 0), Turn("webchat/belt-1", "battery-belt-damage", "agent-1", "cust says battery belt melted", 0), default);
            await store.AppendTurnAsync(Case("webchat/belt-2", "battery-belt-damage", "agent-2", 1) with { Escalated = true }, Turn("webchat/belt-2", "battery-belt-damage", "agent-2", "belt is smoking", 1), default);
            await store.AppendTurnAsync(
                Case("webchat/camera-1", "missing-camera", "agent-1", 2) with
                {
                    Status = CaseStatus.Completed,
                    OutcomeId = "reship",
                    Disposition = new DispositionDecision("Shipping > Lost Package", 0.82, "Shipping > Lost Package"),
                },
                Turn("webchat/camera-1", "missing-camera", "agent-1", "camera never arrived", 2),
                default);
            await storage.WriteAsync(
                new Dictionary<string, StoreItem> { [ConversationStateMiddleware.StorageKeyFor("webchat/camera-1")] = new StoreItem(new JsonObject { ["values"] = new JsonObject() }) },
                default);
        });
        return database;
    }

    public async Task WriteAsync(Func<ITranscriptStore, IStorage, Task> write)
    {
        using var context = new LiteDbContext(new LiteDbOptions { Path = Path });
        await write(new LiteDbTranscriptStore(context), new LiteDbStorage(context));
    }

    public async Task<T> ReadAsync<T>(Func<ITranscriptStore, IStorage, Task<T>> read)
    {
        using var context = new LiteDbContext(new LiteDbOptions { Path = Path });
        return await read(new LiteDbTranscriptStore(context), new LiteDbStorage(context));
    }

    public void Dispose() => _database.Dispose();

    private static TranscriptCase Case(string key, string playbook, string agent, int minutes) => new()
    {
        ConversationKey = key,
        ConversationId = key.Split('/')[1],
        ChannelId = "webchat",
        AgentId = agent,
        AgentName = "Sample " + agent,
        PlaybookId = playbook,
        StartedAt = Start.AddMinutes(minutes),
        LastActivityAt = Start.AddMinutes(minutes + 1),
        Turns = 1,
        Status = CaseStatus.Open,
    };

    private static TranscriptEntry[] Turn(string key, string playbook, string agent, string text, int minutes) =>
    [
        new(key, Start.AddMinutes(minutes), TranscriptDirection.Inbound,
            new Activity { Text = text, ChannelId = "webchat", From = new ChannelAccount { Id = agent }, Conversation = new ConversationAccount { Id = key.Split('/')[1] } },
            Snapshot: new TurnSnapshot(playbook, "first-step", [])),
        new(key, Start.AddMinutes(minutes).AddSeconds(1), TranscriptDirection.Outbound,
            new Activity { Text = "First question of the playbook.", ChannelId = "webchat", From = new ChannelAccount { Id = "supportbot" } }),
    ];
}
