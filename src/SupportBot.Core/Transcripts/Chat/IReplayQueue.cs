using SupportBot.Activities;

namespace SupportBot.Transcripts.Chat;

/// <summary>
/// The conversation a replay is posted into: the one the trainer asked in. On Slack and in Teams channels that
/// conversation is a thread, so the replay lands in the thread of its header; elsewhere it follows in sequence.
/// </summary>
/// <param name="Bot">Who the messages are from (the bot's account on the channel).</param>
/// <param name="Trainer">Who asked for the replay.</param>
public sealed record ReplayTarget(string ChannelId, string ConversationId, string? ServiceUrl, ChannelAccount? Bot, ChannelAccount? Trainer)
{
    /// <summary>The same key the turn pipeline orders the conversation's turns by.</summary>
    public string ConversationKey => $"{ChannelId}/{ConversationId}";

    /// <summary>The conversation <paramref name="activity"/> came from, answered by its recipient.</summary>
    public static ReplayTarget From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new ReplayTarget(
            activity.ChannelId ?? "unknown",
            activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity)),
            activity.ServiceUrl,
            activity.Recipient,
            activity.From);
    }
}

/// <summary>A replay to post: the messages, in order, after the header the command has already replied with.</summary>
public sealed record ReplayJob(long CaseId, ReplayTarget Target, IReadOnlyList<string> Messages);

/// <summary>
/// Posts replays in the background, one message at a time and paced, so a long case neither arrives as one burst
/// nor holds up the conversation's other turns. A replay lives in memory only: it is a view of stored data, so a
/// replay cut short by a restart loses nothing and can simply be asked for again.
/// </summary>
public interface IReplayQueue
{
    /// <summary>Whether replays can be posted into conversations like <paramref name="target"/> on this host.</summary>
    bool CanReplayTo(ReplayTarget target);

    /// <summary>
    /// Starts posting <paramref name="job"/>'s messages once the current turn's replies are out. Returns true when it
    /// replaced a replay still running in the same conversation (that one stops).
    /// </summary>
    bool Enqueue(ReplayJob job);

    /// <summary>Stops the replay running in the conversation; false when there was none.</summary>
    bool Stop(string conversationKey);
}
