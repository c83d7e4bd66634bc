using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SupportBot.Activities;
using SupportBot.Bot;
using SupportBot.Knowledge;
using SupportBot.Ordering;
using SupportBot.Recognition;
using SupportBot.State;
using SupportBot.Tests.Testing;
using SupportBot.Transcripts;
using SupportBot.Transcripts.Chat;
using SupportBot.Turns;

namespace SupportBot.Tests.Transcripts.Chat;

/// <summary>
/// The real pipeline and bot with the trainer chat commands, over the stores and clock of a <see cref="BotHarness"/>:
/// agents' conversations run through the harness, trainers' commands through here, and both see the same cases.
/// </summary>
internal sealed class TrainerChat
{
    private readonly TestAdapter _adapter;

    public TrainerChat(BotHarness harness, IReadOnlyList<string> trainers, RecordingReplayQueue? replays = null)
    {
        Harness = harness;
        Replays = replays ?? new RecordingReplayQueue();
        Access = new TranscriptAccess(new FixedOptionsMonitor<TrainingOptions>(new TrainingOptions { Trainers = [.. trainers] }));
        var catalog = harness.Catalog;
        var bot = BotHarness.CreateBot(
            catalog,
            [],
            harness.Time,
            commands:
            [
                new TranscriptsChatCommand(harness.Transcripts, catalog, Access, harness.Time),
                new ReplayChatCommand(harness.Transcripts, catalog, Access, Replays),
            ]);
        var pipeline = BotHarness.CreatePipeline(harness.Storage, harness.Transcripts, harness.Time, bot);
        _adapter = new TestAdapter(pipeline);
    }

    public BotHarness Harness { get; }

    public TranscriptAccess Access { get; }

    public RecordingReplayQueue Replays { get; }

    /// <summary>Sends <paramref name="text"/> as <paramref name="userId"/> in their own conversation; returns the turn's replies.</summary>
    public async Task<IReadOnlyList<Activity>> SendAsync(string userId, string text, DateTimeOffset? timestamp = null)
    {
        _adapter.Replies.Clear();
        await _adapter.ProcessActivityAsync(new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            Timestamp = timestamp,
            ChannelId = "test",
            From = new ChannelAccount { Id = userId, Name = "Test " + userId },
            Recipient = new ChannelAccount { Id = "bot", Name = "SupportBot" },
            Conversation = new ConversationAccount { Id = "chat-" + userId },
            Text = text,
        }, CancellationToken.None);
        return [.. _adapter.Replies];
    }

    /// <summary>The text of the only reply to <paramref name="text"/>.</summary>
    public async Task<string> AskAsync(string userId, string text, DateTimeOffset? timestamp = null) =>
        Assert.Single(await SendAsync(userId, text, timestamp)).Text!;
}

/// <summary>Options that stay as given (the trainer list of a test).</summary>
internal sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}

/// <summary>
/// Stands in for the host's replay worker, which lives in the host project: records the replays the command queues,
/// and posts into every channel except those named in <see cref="Unsupported"/>.
/// </summary>
internal sealed class RecordingReplayQueue : IReplayQueue
{
    public List<ReplayJob> Jobs { get; } = [];

    public List<string> Stopped { get; } = [];

    public HashSet<string> Unsupported { get; } = new(StringComparer.Ordinal);

    public bool CanReplayTo(ReplayTarget target) => !Unsupported.Contains(target.ChannelId);

    public bool Enqueue(ReplayJob job)
    {
        var replacing = Jobs.Any(j => j.Target.ConversationKey == job.Target.ConversationKey && !Stopped.Contains(j.Target.ConversationKey));
        Jobs.Add(job);
        return replacing;
    }

    public bool Stop(string conversationKey)
    {
        var running = Jobs.Any(j => j.Target.ConversationKey == conversationKey) && !Stopped.Contains(conversationKey);
        Stopped.Add(conversationKey);
        return running;
    }
}
